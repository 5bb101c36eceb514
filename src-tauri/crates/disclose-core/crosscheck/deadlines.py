"""An independent statutory clock, for the cross-check in
src/clock/crosscheck.rs. Bank holidays come from the Python `holidays`
package (not from Disclose); the date arithmetic is written here without
looking at the Rust engine's code, from the rules as docs/deadlines.md
states them.

Usage:
  deadlines.py holidays FIRST LAST   weekday bank holidays per region, as JSON
  deadlines.py due                   one JSON case per stdin line -> one JSON answer per line
"""

import calendar
import datetime
import json
import sys

import holidays

SUBDIVISIONS = {"england-wales": "ENG", "scotland": "SCT", "northern-ireland": "NIR"}


def uk_holidays(region, first, last):
    return holidays.UK(subdiv=SUBDIVISIONS[region], years=range(first, last + 1))


def months_later(day, months):
    """Same day of the month `months` later, or that month's last day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, min(day.day, last))


def next_working_day(day, days_off):
    while day.weekday() >= 5 or day in days_off:
        day += datetime.timedelta(days=1)
    return day


def paused_days(pauses):
    """Days inside any pause, both ends included, each day once."""
    days = set()
    for start, end in pauses:
        day = start
        while day <= end:
            days.add(day)
            day += datetime.timedelta(days=1)
    return len(days)


def answer(case, days_off):
    received = datetime.date.fromisoformat(case["received"])
    pauses = [
        (datetime.date.fromisoformat(a), datetime.date.fromisoformat(b))
        for a, b in case["pauses"]
    ]
    paused = datetime.timedelta(days=paused_days(pauses))
    one_month = next_working_day(months_later(received, 1) + paused, days_off)
    due = one_month
    if case["extended"]:
        due = next_working_day(months_later(received, 3) + paused, days_off)
    return {"due": due.isoformat(), "notice_by": one_month.isoformat()}


def main():
    if sys.argv[1] == "holidays":
        first, last = int(sys.argv[2]), int(sys.argv[3])
        out = {}
        for region in SUBDIVISIONS:
            out[region] = sorted(
                d.isoformat()
                for d in uk_holidays(region, first, last)
                if d.weekday() < 5
            )
        print(json.dumps(out))
        return
    calendars = {region: uk_holidays(region, 2019, 2035) for region in SUBDIVISIONS}
    for line in sys.stdin:
        case = json.loads(line)
        print(json.dumps(answer(case, calendars[case["region"]])))


if __name__ == "__main__":
    main()
