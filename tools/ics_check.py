#!/usr/bin/env python3
"""Parses an iCalendar file with the `icalendar` package (PyPI) and prints what it found as one JSON line.

  ics_check.py FILE
      {"events": [{"summary", "start", "end", "tzid", "location", "description"}], "timezones": [TZID, ...],
       "longest_line": octets, "crlf": bool}
Exits 2 when the package is missing, 1 when the file does not parse. Times are ISO 8601 with their offset."""
import json, sys

try:
    import icalendar
except ImportError:
    print(json.dumps({"error": "pip install icalendar"}))
    sys.exit(2)

data = open(sys.argv[1], "rb").read()
try:
    calendar = icalendar.Calendar.from_ical(data)
except Exception as error:
    print(json.dumps({"error": str(error)}))
    sys.exit(1)
events = []
for component in calendar.walk("VEVENT"):
    start = component.decoded("DTSTART")
    end = component.decoded("DTEND")
    events.append({
        "summary": str(component.get("SUMMARY")),
        "start": start.isoformat(),
        "end": end.isoformat(),
        "tzid": component.get("DTSTART").params.get("TZID"),
        "location": str(component.get("LOCATION", "")),
        "description": str(component.get("DESCRIPTION", "")),
        "uid": str(component.get("UID")),
    })
timezones = [str(tz.get("TZID")) for tz in calendar.walk("VTIMEZONE")]
lines = data.split(b"\r\n")
print(json.dumps({
    "events": events, "timezones": timezones, "longest_line": max(len(line) for line in lines),
    "crlf": b"\n" not in data.replace(b"\r\n", b""), "version": str(calendar.get("VERSION")),
}, ensure_ascii=False))
