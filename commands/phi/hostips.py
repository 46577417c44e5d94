"""Whether a private-range IP address is a machine's of the hospital, not a person's (the server-ip allowance).

"Server 10.20.30.40 patched", "Client side logs show 10.2.3.4", "DICOM node 10.4.5.6 port 104" name the
hospital's machines and pass. The same address is a person's when the sentence ties it to one:
* a patient or a relative ("the patient's tablet"), or a person's own network ("his home router 10.0.0.7",
  "her telehealth visit", "my IP", "home network 192.168.1.4"): always a person's;
* a person's way in (a login, a portal, a session, a telehealth or video visit: "Portal login from 10.1.1.9"),
  unless the address is labelled as the hospital's end of it ("app server 10.30.1.11", "session broker
  10.8.1.20", "10.30.1.11:8443"): then the login or portal is the server's subject, not a person's.
Bounded patterns over one sentence: linear.
"""

from __future__ import annotations

import ipaddress
import re

from commands.phi.people import _has_patient_word

# The networks a hospital numbers its own machines in: RFC 1918, link-local, IPv6 unique-local and link-local. Not
# the documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32) Python also calls
# private: writers use those for any address, a person's too.
_PRIVATE = tuple(
    ipaddress.ip_network(n)
    for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "fc00::/7", "fe80::/10")
)
# A word that says the address is infrastructure's (the allowance needs one in the sentence).
_INFRA = re.compile(
    r"\b(?:servers?|hosts?|vms?|nodes?|db|database|interface|engine|router|switch|firewall|subnet|gateway|printer"
    r"|appliance|load\s{0,2}balancer|cluster|instance|proxy|dns|dhcp|vlan|vpn|pacs|ris|lis|mirth|rhapsody|cloverleaf"
    r"|patched|rebooted|ping|ssh|rdp|port|endpoint|box|workstation|scanner|modality|device|dicom|kiosks?|terminal"
    r"|broker|sbc|citrix|logs?|traffic|packets?|traceroute|nslookup|https?|tls|ssl|tcp|udp)\b",
)
# A person's own: "his home router", "her telehealth visit", "my IP", "the member's portal account".
_OWN = re.compile(
    r"\b(?:my|his|her|their|member['’]s|resident['’]s)\s{1,3}(?:[a-z-]{1,15}\s{1,3}){0,2}?"
    r"(?:ip|address|home|router|modem|hub|laptop|tablet|ipad|phone|mobile|computer|pc|mac|browser|app|device"
    r"|connection|network|wi-?fi|internet|broadband|isp|session|login|log-?in|account|visit|call|portal|telehealth"
    r")\b",
)
# A home's network: "home router", "home IP", "home network".
_HOME = re.compile(
    r"\bhome\s{1,3}(?:ip|address|router|modem|hub|network|wi-?fi|internet|broadband|connection|computer|pc|laptop"
    r"|tablet|gateway)\b",
)
# A person's way in.
_ACCESS = re.compile(
    r"\b(?:log(?:ged|s)?\s{1,3}(?:in|on)|log-?ins?|logons?|sign(?:ed)?[\s-]{1,3}in|portal|sessions?|telehealth"
    r"|telemedicine|video\s{1,3}(?:visit|call)|mychart)\b",
)
# Staff's machines and ways in: "VPN session from 10.8.0.14", "her laptop was re-imaged … on the test VLAN".
_STAFF_WAY_IN = re.compile(
    r"\b(?:vpn|citrix|vdi|rdp|ssh|remote\s{1,3}desktop|jump\s{0,2}(?:box|host)|vlan|re-?imaged|imaged|domain)\b"
)
# The hospital's end, right before the address ("app server 10.30.1.11", "SBC at 10.60.1.5").
_SERVER_LABEL = re.compile(
    r"\b(?:servers?|hosts?|vms?|nodes?|db|database|engine|gateway|firewall|proxy|cluster|instance|broker|sbc"
    r"|load\s{0,2}balancer|appliance|endpoint|vip|dns|dhcp|vpn|interface|fail(?:s|ed)?[\s-]{0,2}over(?:\s{1,3}to)?)"
    r"(?:\s{1,3}(?:at|on|is|=|:|ip|address))?\s{0,3}(?:[\d.]{7,15}(?:,|\s{1,3}(?:and|&))\s{1,3})?$",
    re.IGNORECASE,
)
_PORT = re.compile(r":\d{2,5}\b")
_WORD = re.compile(r"(?<![a-z])[a-z]{1,30}(?![a-z])")  # (a longer run is no word of the lists below)
_OWN_WORDS = frozenset({"my", "his", "her", "their", "member", "resident"})
_STAFF_WORDS = frozenset(
    {"vpn", "citrix", "vdi", "rdp", "ssh", "remote", "jump", "vlan", "reimaged", "imaged", "domain"}
)
_ACCESS_WORDS = frozenset(
    {"log", "logged", "logs", "login", "logins", "logon", "logons", "sign", "signed", "portal", "session", "sessions"}
    | {"telehealth", "telemedicine", "video", "mychart"}
)


def private_range(value: str) -> bool:
    try:
        addr = ipaddress.ip_address(value)
    except ValueError:
        return False
    return any(addr in net for net in _PRIVATE)


def server_ip(text: str, start: int, end: int, sentence: str) -> bool:
    """Whether the private address at text[start:end], in that sentence, is the hospital's machine's."""
    port = _PORT.match(text, end)  # "10.30.1.11:8443": a service listens there
    low = sentence.lower()  # (the sentence patterns read small letters: several times faster than case-blind)
    if not (port or _INFRA.search(low)):
        return False
    words = frozenset(_WORD.findall(low))  # (a pattern runs only when one of its words is there)
    own = _OWN.search(low) if words & _OWN_WORDS else None
    if _has_patient_word(sentence) or (own and own[0].startswith(("member", "resident"))):
        return False
    if words & _STAFF_WORDS and _STAFF_WAY_IN.search(low):
        return True  # "VPN session from 10.8.0.14", "her laptop on the test VLAN": staff's, not a patient's
    if own or ("home" in words and _HOME.search(low)):
        return False
    if not (words & _ACCESS_WORDS and _ACCESS.search(low)):
        return True
    return bool(port or _SERVER_LABEL.search(text, max(0, start - 40), start))
