"""One plan being migrated: the edits collected so far and the connections they need."""

import re

import jmx
from java_client import Connection
from report import Report


class Migration:
    def __init__(self, text, messages_per_sample):
        self.text = text
        self.messages_per_sample = messages_per_sample
        self.report = Report()
        self._edits = []  # (start, end, replacement)
        self._top_connections = {}  # identity -> Connection, for samplers that carried settings

    def elements(self, testclass):
        """The plan's TestBean elements of that class (their tag is the class name)."""
        return jmx.elements(self.text, lambda tag, attributes, inner: tag == testclass)

    def java_requests(self, classname):
        """The plan's Java Request samplers that run that client class."""
        marker = '<stringProp name="classname">%s</stringProp>' % classname
        return jmx.elements(self.text, lambda tag, attributes, inner: tag == "JavaSampler" and marker in inner)

    def replace(self, element, new_element):
        line_start = element.start - len(element.indent)
        self._edits.append((line_start, element.end, new_element.render(element.indent)))

    def remove(self, element):
        """Removes the element and its children (its hashTree), whole lines."""
        line_start = element.start - len(element.indent)
        end = jmx.hash_tree_end(self.text, element)
        if self.text.startswith("\n", end):
            end += 1
        self._edits.append((line_start, end, ""))

    def new_connection(self, name, where):
        return Connection(name, self.report, where)

    def shared_connection(self, connection):
        """A connection for settings a sampler carried itself: samplers with the same settings
        share one, added at the top of the plan. Returns its name."""
        identity = connection.identity()
        if identity not in self._top_connections:
            count = len(self._top_connections)
            connection.name = "kafka" if count == 0 else "kafka-%d" % (count + 1)
            self._top_connections[identity] = connection
        return self._top_connections[identity].name

    def result(self):
        edits = list(self._edits)
        if self._top_connections:
            edits.append(self._top_insertion())
        text = self.text
        for start, end, replacement in sorted(edits, key=lambda edit: edit[0], reverse=True):
            text = text[:start] + replacement + text[end:]
        return text

    def _top_insertion(self):
        plan = jmx.elements(self.text, lambda tag, attributes, inner: tag == "TestPlan")[0]
        opening = re.compile(r"\s*<hashTree>").match(self.text, plan.end)
        indent = plan.indent + "  "
        blocks = [
            "\n%s\n%s<hashTree/>" % (connection.element().render(indent), indent)
            for connection in self._top_connections.values()
        ]
        return (opening.end(), opening.end(), "".join(blocks))
