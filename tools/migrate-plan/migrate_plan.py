#!/usr/bin/env python3
"""migrate-plan IN.jmx OUT.jmx [--messages-per-sample K]

Rewrites the elements of Java Kafka plugins for JMeter (Pepper-Box, kafkameter,
DI-Kafkameter, KLoadGen without schemas) into jmeter-kafka-native's, keeping every other byte of the plan, and prints
what was converted and what could not be mapped exactly. Never modifies IN.
"""

import argparse
import os
import sys

import di_kafkameter
import kafkameter
import kloadgen
import pepper_box
from migration import Migration

PLUGINS = (pepper_box, kafkameter, di_kafkameter, kloadgen)


def main():
    parser = argparse.ArgumentParser(prog="migrate-plan", description=__doc__.split("\n\n")[1])
    parser.add_argument("input", help="the plan to read (never modified)")
    parser.add_argument("output", help="the plan to write")
    parser.add_argument("--messages-per-sample", type=int, default=1, metavar="K",
                        help="messages per producer sample (default 1, as the Java plugins send); "
                             "K > 1 sends K messages per sample, so each thread sends K times as many "
                             "messages and the plan reports 1/K as many samples")
    options = parser.parse_args()
    if options.messages_per_sample < 1:
        parser.error("--messages-per-sample must be at least 1")
    if os.path.exists(options.output) and os.path.samefile(options.input, options.output):
        parser.error("OUT must not be IN: the input plan is never modified")
    with open(options.input, encoding="utf-8") as source:
        text = source.read()
    migration = Migration(text, options.messages_per_sample)
    for plugin in PLUGINS:
        plugin.migrate(migration)
    result = migration.result()
    temporary = options.output + ".tmp"
    with open(temporary, "w", encoding="utf-8") as target:
        target.write(result)
    os.replace(temporary, options.output)
    sys.stdout.write(migration.report.text())
    if options.messages_per_sample > 1:
        sys.stdout.write("each producer sample now sends %d messages: sample counts drop %dx, messages "
                         "per thread rise %dx unless you divide the loop counts\n"
                         % ((options.messages_per_sample,) * 3))


if __name__ == "__main__":
    main()
