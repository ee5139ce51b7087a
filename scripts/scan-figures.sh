#!/usr/bin/env bash
# Figures for `keydesk scan` (issue 15): scan time against ripgrep on the same tree, and peak RSS.
# Generates 100 MB of text (400 files of random dictionary words and numbers, 5 real keys planted),
# then times KeyDesk and `rg` over it and over it given 10 times (1 GB), warm page cache.
# Needs: target/keydesk.jar (./mvnw -DskipTests package), python3, rg (apt-get install ripgrep), /usr/bin/time.
# Usage: scripts/scan-figures.sh [WORK_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$PWD/target/keydesk.jar
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
WORK="${1:-$(mktemp -d)}"
mkdir -p "$WORK" && cd "$WORK"
cat > K.java <<'JAVA'
public class K { public static void main(String[] a) { var f = new com.keydesk.crypto.KeyFormat(new java.security.SecureRandom());
  for (int i = 0; i < 5; i++) System.out.println(f.generate(i % 2 == 0 ? com.keydesk.domain.KeyType.SITE : com.keydesk.domain.KeyType.USER).text()); } }
JAVA
KEYS=$("$JAVA" -cp "$JAR" K.java)
python3 - $KEYS <<'PY'
import os, random, sys
random.seed(15)
keys = sys.argv[1:]
words = open('/usr/share/dict/words').read().split() if os.path.exists('/usr/share/dict/words') else \
    [''.join(random.choice('abcdefghijklmnopqrstuvwxyz') for _ in range(random.randint(2, 10))) for _ in range(5000)]
planted = 0
for d in range(20):
    os.makedirs(f'tree/d{d}', exist_ok=True)
    for f in range(20):
        with open(f'tree/d{d}/f{f}.txt', 'w') as out:
            size, n = 0, 0
            while size < 250_000:
                line = ' '.join(random.choice(words) for _ in range(random.randint(4, 14))) + f' {random.randint(0, 99999)} kd_{n}\n'
                if planted < len(keys) and d * 20 + f == planted * 80 and n == 1000:
                    line = f'API_KEY={keys[planted]}\n'
                    planted += 1
                out.write(line)
                size += len(line)
                n += 1
PY
cat tree/*/* >/dev/null   # warm the page cache
T10="tree tree tree tree tree tree tree tree tree tree"
RE='kd[su]_[A-Za-z0-9]{12}_[A-Za-z0-9]{49}'
for round in 1 2 3; do
  for set in tree "$T10"; do
    # shellcheck disable=SC2086
    /usr/bin/time -f "keydesk $(wc -w <<<"$set")x100MB %e s, peak RSS %M KB" env KEYDESK_HOME="$WORK/no-store" \
        "$JAVA" --enable-native-access=ALL-UNNAMED -jar "$JAR" scan $set >/dev/null 2>kd.err || true
    tail -1 kd.err
    # shellcheck disable=SC2086
    /usr/bin/time -f "rg      $(wc -w <<<"$set")x100MB %e s, peak RSS %M KB" rg -c "$RE" $set >/dev/null 2>rg.err || true
    tail -1 rg.err
  done
done
