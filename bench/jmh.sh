#!/usr/bin/env bash
# Runs the JMH benchmarks of one module: bench/jmh.sh MODULE [JMH options, e.g. a regex or -f 1 -wi 2]
# Example: bench/jmh.sh thermo FreeEnergyBenchmark
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
module="${1:?usage: bench/jmh.sh MODULE [JMH args]}"; shift
mvn -q -B -ntp -Pjmh -pl "$module" -am -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/jmh.classpath -Dmdep.includeScope=test >&2
cp="$(cat "$module/target/jmh.classpath"):$module/target/test-classes:$module/target/classes"
exec java -Xmx4g -cp "$cp" org.openjdk.jmh.Main "$@"
