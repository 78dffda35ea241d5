"""The analyst's attack on released figures, by integer programming (HiGHS through scipy).

Input (a JSON file given as the only argument):
  k          the campaign's threshold
  rows       every row of the figures export (every released period, group and the whole
             campaign; the dashboard, summaries and report show these same releases)
  raw        the owner's raw export (CSV text): only to know the truth the attack is judged by
  known      indices of raw rows whose answers the attacker knows (their own, a colleague's)

For each variable (question, or option of a multiple-choice question) the attacker's unknowns
are the counts per period, per group of that period, per value, as integers >= 0. Published
counts fix sums of them: a group cell itself, a period cell (the sum over its groups), a
whole-campaign cell (the sum over every released period and group); group sizes and period
sizes fix each row. Known respondents give lower bounds. For every hidden count the attack
computes the smallest and largest value an integer solution allows.

Output (JSON on stdout): for every hidden count its truth and the attacker's bounds, and the
list of breaches: a true count of 1..k-1 recovered exactly, or bounded inside 1..k-1.
"""

import csv
import io
import json
import sys
from collections import defaultdict

import numpy as np
from scipy.optimize import LinearConstraint, milp, Bounds


def triad_cell(w):
    i = (w[0] + 5) // 10
    j = min((w[1] + 5) // 10, 10 - i)
    return sum(11 - r for r in range(i)) + j


def slider_bucket(n):
    j = min(n // 10, 9)
    return f"{j * 10}-{j * 10 + (10 if j == 9 else 9)}"


def truth_values(raw_row, question, option, kind):
    """The value id a raw row gives a variable."""
    a = raw_row.get(question, "")
    if option is not None:
        return "chosen" if option in a.split(";") else "not_chosen"
    if a == "":
        return "none"
    if kind == "triad":
        return f"cell{triad_cell([int(x) for x in a.split('/')])}"
    if kind == "slider":
        return slider_bucket(int(a))
    return a


def main():
    doc = json.load(open(sys.argv[1]))
    k = doc["k"]
    rows = doc["rows"]
    raw = list(csv.DictReader(io.StringIO(doc["raw"])))
    known = set(doc["known"])

    # Periods and their groups, from the export.
    periods = {}  # period -> {group label -> size}
    for r in rows:
        if r["value"] == "responses" and r["period"] != "whole":
            periods.setdefault(r["period"], {})
            if r["group"] != "all":
                periods[r["period"]][r["group"]] = r["count"]
            else:
                periods[r["period"]].setdefault("__all__", r["count"])
    spans = {}
    for r in rows:
        if r["period"] != "whole":
            spans[r["period"]] = (r["first_day"], r["last_day"])

    def period_of(day):
        for p, (a, b) in spans.items():
            if a <= day <= b:
                return p
        return None

    def group_of(p, breakdown_value):
        for g in periods[p]:
            if g != "__all__" and breakdown_value in g.split("+"):
                return g
        return "__all__"

    breakdown = doc["breakdown"]
    # Responses as the truth: (period, group, raw row index).
    where = []
    for i, rr in enumerate(raw):
        p = period_of(rr["period"])
        if p is None:
            where.append(None)
            continue
        b = rr.get(breakdown, "") or "none"
        where.append((p, group_of(p, b)))

    variables = defaultdict(list)
    for r in rows:
        if r["question"]:
            option = r["option"].split(":")[0] if r["option"] else None
            variables[(r["question"], option)].append(r)

    report = {"hidden": [], "breaches": []}
    for (question, option), vrows in sorted(variables.items()):
        qid = question.split("@")[0]
        values = sorted({r["value"] for r in vrows})
        cells = {}  # (period, group, value) -> column
        for p, groups in periods.items():
            gs = [g for g in groups if g != "__all__"] or ["__all__"]
            for g in gs:
                for v in values:
                    cells[(p, g, v)] = len(cells)
        n = len(cells)
        truth = np.zeros(n)
        lower = np.zeros(n)
        for i, w in enumerate(where):
            if w is None:
                continue
            v = truth_values(raw[i], qid, option, doc["kinds"][qid])
            if (w[0], w[1], v) not in cells:
                continue
            truth[cells[(w[0], w[1], v)]] += 1
            if i in known:
                lower[cells[(w[0], w[1], v)]] += 1
        a, lo, hi = [], [], []

        def expr(r):
            e = np.zeros(n)
            for (p, g, v), c in cells.items():
                if v != r["value"]:
                    continue
                if r["period"] == "whole" or (p == r["period"] and (r["group"] == "all" or g == r["group"])):
                    e[c] = 1
            return e

        for p, groups in periods.items():
            gs = [g for g in groups if g != "__all__"] or ["__all__"]
            for g in gs:
                e = np.zeros(n)
                for v in values:
                    e[cells[(p, g, v)]] = 1
                size = groups[g] if g != "__all__" else groups["__all__"]
                a.append(e), lo.append(size), hi.append(size)
        hidden = []
        for r in vrows:
            e = expr(r)
            if r["count"] is None:
                hidden.append((r, e))
            else:
                a.append(e), lo.append(r["count"]), hi.append(r["count"])
        cons = LinearConstraint(np.array(a), lo, hi)
        bounds = Bounds(lower, np.full(n, np.inf))
        for r, e in hidden:
            true = int(round(e @ truth))
            lo_ = milp(c=e, constraints=cons, integrality=np.ones(n), bounds=bounds)
            hi_ = milp(c=-e, constraints=cons, integrality=np.ones(n), bounds=bounds)
            assert lo_.status == 0 and hi_.status == 0, (question, r, lo_.message, hi_.message)
            low, high = int(round(lo_.fun)), int(round(-hi_.fun))
            item = {"question": question, "option": option, "period": r["period"], "group": r["group"],
                    "value": r["value"], "truth": true, "low": low, "high": high}
            report["hidden"].append(item)
            assert low <= true <= high, ("the attack must admit the truth", item)
            if 1 <= true < k and (low == high or (1 <= low and high < k)):
                report["breaches"].append(item)
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main()
