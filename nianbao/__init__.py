"""nianbao: the entry point that wires the Qt-free model, the exporters and the GUI."""
