"""The desk's workbook (审核结果.xlsx), a roster read from a workbook, and a roll-up's 汇总 sheet."""
