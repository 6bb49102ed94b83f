"""Pepper-Box's message template functions ({{FUNCTION(args)}}) in the plugin's placeholders."""

import re

_CALL = re.compile(r"\{\{\s*([A-Z_0-9]+)\s*\((.*?)\)\s*\}\}", re.S)


def _arguments(text):
    """FUNCTION(args) arguments: comma-separated, optionally double-quoted."""
    return [a.strip().strip('"') for a in re.findall(r'"[^"]*"|[^,]+', text)] if text.strip() else []


def _range(low, high):
    # Pepper-Box's upper bound is exclusive, the plugin's inclusive.
    return "%s:%d" % (low, int(high) - 1)


def _sequence(name, start="0", step="1"):
    """Pepper-Box's SEQUENCE: one counter per name shared by every thread, from its start by
    its step, as {{sequence:...}} is. Names keep the characters a sequence name may have."""
    name = re.sub(r"[^A-Za-z0-9_.-]", "_", name) or "sequence"
    return "{{sequence:%s:%d:%d}}" % (name, int(start), int(step))


def _characters(charset, count):
    """Pepper-Box's RANDOM_ALPHA_NUMERIC(charset, n): n characters of the set as given. Its
    '-' is a character, never a range, so here it goes last, where it is itself."""
    if not charset or "}" in charset or any(ord(c) > 127 for c in charset):
        return None
    dashes = "-" if "-" in charset else ""
    return "{{random_chars:%d:%s%s}}" % (int(count), charset.replace("-", ""), dashes)


# FUNCTION -> (translation from the argument list, exact?)
_TRANSLATIONS = {
    "TIMESTAMP": (lambda a: "{{timestamp_ms}}" if not a else None, True),
    "UUID": (lambda a: "{{uuid}}", True),
    "RANDOM_INT_RANGE": (lambda a: "{{random_int:%s}}" % _range(*a), True),
    "RANDOM_LONG_RANGE": (lambda a: "{{random_long:%s}}" % _range(*a), True),
    "RANDOM_STRING": (lambda a: "{{pick:%s}}" % "|".join(a), True),
    "RANDOM_INT": (lambda a: "{{pick:%s}}" % "|".join(a), True),
    "RANDOM_LONG": (lambda a: "{{pick:%s}}" % "|".join(a), True),
    "BOOLEAN": (lambda a: "{{pick:true|false}}", True),
    "GENDER": (lambda a: "{{pick:male|female}}", True),
    "RANDOM_ALPHA_NUMERIC": (lambda a: _characters(*a), True),
    "SEQUENCE": (lambda a: _sequence(*a), True),
}

_APPROXIMATIONS = {}


def translate(template, report, where):
    """The template with each Pepper-Box function replaced; what has no exact equivalent is
    reported (and replaced by a random string of 8, so the plan still runs)."""

    def replace(match):
        function, arguments = match.group(1), _arguments(match.group(2))
        translation = _TRANSLATIONS.get(function)
        try:
            result = translation[0](arguments) if translation else None
        except (TypeError, ValueError, IndexError):
            result = None
        if result is None:
            report.unmapped(where, "{{%s(...)}}" % function, match.group(0), "no equivalent; sends {{random_string:8}}")
            return "{{random_string:8}}"
        if not translation[1]:
            report.approximated(where, match.group(0), result, _APPROXIMATIONS[function])
        return result

    # A "{{" that is not one of its functions is literal text in Pepper-Box, as "{{{{" is here.
    escaped = re.sub(r"\{\{(?!\s*[A-Z_0-9]+\s*\()", "{{{{", template)
    return _CALL.sub(replace, escaped)


# JMeter's ${__counter(FALSE[,VAR])}: one counter from 1 shared by all threads, evaluated
# once per sample; with one message per sample it is a sequence from 1 by 1 per message.
_GLOBAL_COUNTER = re.compile(r"\$\{__counter\(\s*FALSE\s*(,[^)]*)?\)\}")


def literal(text, report=None, where="", messages_per_sample=1):
    """Text sent as it is (kafkameter, DI-Kafkameter, KLoadGen): only "{{" needs escaping.
    With one message per sample, JMeter's shared counter becomes the engine-wide sequence
    (rendered natively per message, as the counter was per sample)."""
    escaped = text.replace("{{", "{{{{")
    if report is None or not _GLOBAL_COUNTER.search(escaped):
        return escaped
    if messages_per_sample != 1:
        report.note(where, "${__counter(FALSE,...)} stays JMeter's: one value per sample of %d messages"
                    % messages_per_sample)
        return escaped
    report.convert(where, "${__counter(FALSE,...)} -> {{sequence:jmeter-counter:1:1}} (one per message)")
    return _GLOBAL_COUNTER.sub("{{sequence:jmeter-counter:1:1}}", escaped)
