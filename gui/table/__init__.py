"""The table pages: grids that look like the printed form over one Qt model of the report's tables."""
