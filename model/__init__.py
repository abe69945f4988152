"""The Qt-free report model: formats, values, rules, drafts."""
