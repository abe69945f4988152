"""Format definitions, one JSON file per format."""
