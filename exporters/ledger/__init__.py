"""Reading a 依申请公开台账 (.xlsx, old .xls, .csv in UTF-8 or GBK) into rows, bounded and checked first."""
