"""Excel (.xlsx): the workbook with live formulas and checks, and workbooks read back."""
