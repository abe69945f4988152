"""Table 三 from the year's 依申请公开台账: columns, words, dates and counting, without Qt or file formats."""
