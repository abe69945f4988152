"""The 审核 window: a folder of reports as a table, the reviewer's marks, the workbook and the roll-up."""
