"""导入依申请台账: the mapping dialog, the import as one undo step, and the rows behind table 三's cells."""
