"""Word (.docx): the published report written in the official layout, and Word reports read back."""
