"""Step-level diff of two versions of a tutorial (any dialect against any dialect).

``diff_tutorials(old, new)`` is the one entry point: the ``diff`` and ``sync`` commands
print its result, and the site build reuses it for the "what changed" panel.
"""

from generator.diff.changes import StepChange, StepRef, TutorialDiff, diff_tutorials

__all__ = ["StepChange", "StepRef", "TutorialDiff", "diff_tutorials"]
