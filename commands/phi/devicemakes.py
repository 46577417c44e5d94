"""A device's maker and model read as capitalised words: "Pacemaker Medtronic Adapta, serial number …", "pump:
Baxter Sigma", "Abbott Assurity (SN …)". Right after the name of a device, or right before its serial or model
label, the words name the device, not a person (lexicon.py asks). Its serial is still a device serial (devices.py).

Two anchored patterns over a few dozen characters on each side: linear in the text.
"""

from __future__ import annotations

import re

from commands.phi.shared import _I

# The device right before the words: "Pacemaker Medtronic Adapta", "ICD: Boston Scientific Dynagen", "pump - Baxter".
_DEVICE_BEFORE = re.compile(
    r"\b(?:pacemakers?|icds?|defibrillators?|crt-?[dp]?|pumps?|implants?|stimulators?|neurostimulators?|generators?"
    r"|ipgs?|lvads?|cpap|bipap|ventilators?|transmitters?|cgm|hearing\s{1,2}aids?|prosthes[ie]s"
    r"|cochlear\s{1,2}implants?|model)\s{0,2}(?:[:=|(,–—-]\s{0,2})?(?:is\s{1,2}an?\s{1,2}|an?\s{1,2})?$",
    _I,
)
# The device's serial or model label right after the words: "Medtronic Adapta, serial number …", "(SN …", "model …".
_LABEL_AFTER = re.compile(
    r"[,(]?\s{0,2}(?:\(\s{0,2})?(?:serial|s/n|sn|ser\.?\s{0,2}no|model|lot|udi|firmware)\b",
    _I,
)


def device_make(left: str, right: str) -> bool:
    """Whether capitalised words with `left` before them and `right` after name a device's maker and model."""
    return bool(_DEVICE_BEFORE.search(left[-40:]) or _LABEL_AFTER.match(right))
