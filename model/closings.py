"""What ends a report's document: nothing (the published version), the 落款 (unit and date), or the 落款 and the
signature block of the copy filed with the 政务公开办 before publication (备案稿) — light, for the menus at start-up."""

CLOSINGS = ("none", "sign_off", "filed")
