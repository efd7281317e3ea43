"""Tutorial checklists: Azure setup tutorials (legacy and modern Markdown) to interactive checklist sites."""

__version__ = "0.1.0"
