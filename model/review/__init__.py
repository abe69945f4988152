"""The 政务公开办's desk without Qt: the roster, the reviewer's marks, the rows of a folder and the roll-up."""
