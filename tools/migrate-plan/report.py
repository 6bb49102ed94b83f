"""What a migration did, and what it could not do, for the user to read."""


class Report:
    def __init__(self):
        self.converted = []
        self.problems = []

    def convert(self, where, into):
        self.converted.append("%s -> %s" % (where, into))

    def unmapped(self, where, what, value, why):
        shown = "(hidden)" if "password" in what.lower() else value
        self.problems.append("%s: %s = %s not mapped: %s" % (where, what, shown, why))

    def approximated(self, where, original, replacement, why):
        self.problems.append("%s: %s became %s: %s" % (where, original, replacement, why))

    def note(self, where, text):
        self.problems.append("%s: %s" % (where, text))

    def text(self):
        lines = ["converted:"] + ["  " + line for line in self.converted]
        if not self.converted:
            lines.append("  nothing: no element of a known Kafka plugin in this plan")
        if self.problems:
            lines += ["not mapped exactly (check these):"] + ["  " + line for line in self.problems]
        return "\n".join(lines) + "\n"
