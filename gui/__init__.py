"""Qt user interface over the model."""
