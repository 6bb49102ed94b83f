"""Pepper-Box's message template functions ({{FUNCTION(args)}}) in the plugin's placeholders."""

import re

_CALL = re.compile(r"\{\{\s*([A-Z_0-9]+)\s*\((.*?)\)\s*\}\}", re.S)


def _arguments(text):
    """FUNCTION(args) arguments: comma-separated, optionally double-quoted."""
    return [a.strip().strip('"') for a in re.findall(r'"[^"]*"|[^,]+', text)] if text.strip() else []


def _range(low, high):
    # Pepper-Box's upper bound is exclusive, the plugin's inclusive.
    return "%s:%d" % (low, int(high) - 1)


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
    "RANDOM_ALPHA_NUMERIC": (lambda a: "{{random_string:%s}}" % a[1], False),
    "SEQUENCE": (lambda a: "{{seq}}", False),
}

_APPROXIMATIONS = {
    "RANDOM_ALPHA_NUMERIC": "letters and digits, not the given character set",
    "SEQUENCE": "per-thread {{seq}} from 0, not one shared sequence with its start and step",
}


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


def literal(text):
    """Text sent as it is (kafkameter, DI-Kafkameter): only "{{" needs escaping."""
    return text.replace("{{", "{{{{")
