# Sourced by the scripts that launch java themselves: sets $java to a JDK 25 (JAVA_HOME_25, or the
# one installed under /usr/lib/jvm), as the Maven build's toolchain selection would find it.
java=""
for candidate in "${JAVA_HOME_25:-}" /usr/lib/jvm/*25*; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ]; then java="$candidate/bin/java"; break; fi
done
[ -n "$java" ] || { echo "needs a JDK 25 (set JAVA_HOME_25)" >&2; exit 1; }
