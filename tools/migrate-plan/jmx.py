"""Reading and writing the parts of a JMeter .jmx plan that the migration touches.

The plan is handled as text, not parsed and re-serialized: only the elements being replaced
change, every other byte of the plan stays as it was.
"""

import html
import re
from dataclasses import dataclass, field

_START = re.compile(r"<([A-Za-z_][\w.\-]*)\b([^>]*?)(/?)>")
_ATTRIBUTE = re.compile(r'([\w.\-]+)="([^"]*)"')
_PROPERTY = re.compile(r'<(string|bool|int|long|double)Prop name="([^"]*)"(?:\s*/>|>(.*?)</\1Prop>)', re.S)
_NESTED = re.compile(r"<(collectionProp|elementProp)\b[^>]*?(?:/>|>.*?</\1>)", re.S)
_ARGUMENT = re.compile(r'<elementProp name="[^"]*" elementType="Argument">(.*?)</elementProp>', re.S)
_SETTING = re.compile(r'<elementProp name="[^"]*" elementType="[^"]*">(.*?)</elementProp>', re.S)
_HASH_TREE = re.compile(r"\s*<hashTree\s*/>|\s*<hashTree>")


@dataclass
class Element:
    """One test element of the plan: where it is, its tag, attributes and text inside."""

    start: int  # offset of "<"
    end: int  # offset just past its closing tag
    tag: str
    attributes: dict
    inner: str
    indent: str

    @property
    def name(self):
        return self.attributes.get("testname", self.tag)

    @property
    def enabled(self):
        return self.attributes.get("enabled", "true")

    def properties(self):
        """Its own properties (not those of nested elements), by name, unescaped."""
        own = _NESTED.sub("", self.inner)
        return {match.group(2): html.unescape(match.group(3) or "") for match in _PROPERTY.finditer(own)}

    def arguments(self):
        """A Java Request's arguments, by name, in order."""
        result = {}
        for match in _ARGUMENT.finditer(self.inner):
            pair = {m.group(2): html.unescape(m.group(3) or "") for m in _PROPERTY.finditer(match.group(1))}
            result[pair.get("Argument.name", "")] = pair.get("Argument.value", "")
        return result

    def settings(self, collection, key, value):
        """The name/value pairs of a collection of small elements (e.g. DI-Kafkameter's
        extraConfigs: configKey/configValue), in order."""
        block = re.search(r'<collectionProp name="%s">(.*?)</collectionProp>' % re.escape(collection), self.inner, re.S)
        pairs = []
        for match in _SETTING.finditer(block.group(1) if block else ""):
            entry = {m.group(2): html.unescape(m.group(3) or "") for m in _PROPERTY.finditer(match.group(1))}
            pairs.append((entry.get(key, ""), entry.get(value, "")))
        return pairs


def elements(text, wanted):
    """Every element for which wanted(tag, attributes, inner) is true, in document order."""
    found = []
    for match in _START.finditer(text):
        tag, attributes = match.group(1), dict(_ATTRIBUTE.findall(match.group(2)))
        if match.group(3):
            inner, end = "", match.end()
        else:
            end = _closing(text, tag, match.end())
            if end < 0:
                continue
            inner = text[match.end() : end - len("</%s>" % tag)]
        if wanted(tag, attributes, inner):
            line_start = text.rfind("\n", 0, match.start()) + 1
            indent = text[line_start : match.start()]
            found.append(Element(match.start(), end, tag, attributes, inner, indent if not indent.strip() else ""))
    return found


def _closing(text, tag, position):
    """The offset just past the closing tag matching an element of `tag` opened before position."""
    depth = 1
    pattern = re.compile(r"<(/?)%s\b[^>]*?(/?)>" % re.escape(tag))
    for match in pattern.finditer(text, position):
        if match.group(1):
            depth -= 1
        elif not match.group(2):
            depth += 1
        if depth == 0:
            return match.end()
    return -1


def hash_tree_end(text, element):
    """The offset just past the element's own hashTree (the sibling that holds its children)."""
    match = _HASH_TREE.match(text, element.end)
    if not match:
        return element.end
    if match.group(0).rstrip().endswith("/>"):
        return match.end()
    return _closing(text, "hashTree", match.end())


def escape(value):
    return html.escape(str(value), quote=False)


@dataclass
class NewElement:
    """A test element to write: class, name, enabled flag and properties in order."""

    testclass: str
    testname: str
    enabled: str = "true"
    properties: list = field(default_factory=list)  # (kind, name, value)

    def string(self, name, value):
        self.properties.append(("string", name, value))
        return self

    def bool(self, name, value):
        self.properties.append(("bool", name, "true" if value else "false"))
        return self

    def render(self, indent, step="  "):
        lines = [
            '%s<%s guiclass="TestBeanGUI" testclass="%s" testname="%s" enabled="%s">'
            % (indent, self.testclass, self.testclass, html.escape(self.testname), self.enabled)
        ]
        for kind, name, value in self.properties:
            lines.append('%s%s<%sProp name="%s">%s</%sProp>' % (indent, step, kind, name, escape(value), kind))
        lines.append("%s</%s>" % (indent, self.testclass))
        return "\n".join(lines)
