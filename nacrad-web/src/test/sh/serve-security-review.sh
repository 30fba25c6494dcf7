#!/usr/bin/env bash
# The security review of docs/serve.md ("Security review"), against running `nacrad serve` processes: every item of
# issue 16's "Safety and security" list tried with curl. Prints one line per check: PASS or FAIL, item, what was seen.
#
#   nacrad-web/src/test/sh/serve-security-review.sh DEMO_DIR [JAR]
#
# DEMO_DIR is a folder written by `./nacrad demo` (its study/model.json and cohort/); JAR defaults to
# nacrad-cli/target/nacrad.jar. Needs curl, python3 and (for the file-write trace) strace. Starts its servers on
# 127.0.0.1 (port 0) or, for the token checks, on 0.0.0.0, and stops them; works in a folder made with mktemp.
set -uo pipefail
demo=$(cd "$1" && pwd)
jar=$(cd "$(dirname "${2:-nacrad-cli/target/nacrad.jar}")" && pwd)/$(basename "${2:-nacrad-cli/target/nacrad.jar}")
model="$demo/study/model.json"
cohort="$demo/cohort"
work=$(mktemp -d)
fails=0
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$work"' EXIT

pass() { printf 'PASS  %-10s %s\n' "$1" "$2"; }
fail() { printf 'FAIL  %-10s %s\n' "$1" "$2"; fails=$((fails + 1)); }
check() { # item, description, condition (a command)
  local item=$1 what=$2; shift 2
  if "$@"; then pass "$item" "$what"; else fail "$item" "$what"; fi
}

# start NAME [serve options...]: starts a server, sets URL (its address) and PID; its temp root is $work/NAME-tmp
start() {
  local name=$1; shift
  mkdir -p "$work/$name-tmp" "$work/$name-jtmp"
  java -Xmx2g -Djava.io.tmpdir="$work/$name-jtmp" -jar "$jar" serve --model "$model" --port 0 \
    --temp-dir "$work/$name-tmp" "$@" >"$work/$name.out" 2>"$work/$name.err" &
  PID=$!
  pids+=("$PID")
  for _ in $(seq 1 1800); do
    URL=$(grep -o 'at http://[^ ]*/' "$work/$name.out" 2>/dev/null | head -1 | cut -c4- | sed 's#/$##')
    [ -n "$URL" ] && return 0
    kill -0 "$PID" 2>/dev/null || { echo "server $name did not start: $(cat "$work/$name.err")"; return 1; }
    sleep 0.1
  done
  return 1
}
stop() { kill "$1" 2>/dev/null; wait "$1" 2>/dev/null; }

# a patient's curl -F arguments: the files and clinical values the model uses, from the demo's manifest
python3 - "$cohort/manifest.csv" "$model" >"$work/patient.args" <<'EOF'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1])))
model = json.load(open(sys.argv[2]))
row = rows[9]
files = ["image", "mask", "dwi", "bvals", "dwi_tumour_mask", "reference_mask"]
clinical = [k for k in row if k not in files and k not in ("id", "admission_date")]
print("id=" + row["id"])
for f in files:
    print(f + "=@" + sys.argv[1].rsplit("/", 1)[0] + "/" + row[f])
for c in clinical:
    if row[c] != "":
        print(c + "=" + row[c])
EOF
patient=$(sed -n 's/^id=//p' "$work/patient.args")
# keep only the clinical values the model uses (the server refuses the others, naming them)
start main || exit 1
MAIN=$PID; MAINURL=$URL
curl -s "$MAINURL/api/model" | python3 -c 'import json,sys; print("\n".join(i["name"] for i in json.load(sys.stdin)["inputs"]))' >"$work/used"
A=(); while IFS= read -r a; do
  k=${a%%=*}; if [ "$k" = id ] || grep -qx "$k" "$work/used"; then A+=("$a"); fi
done <"$work/patient.args"
# with KEY VALUE / without KEY: the patient's curl -F arguments with one part replaced or left out (into R)
with() { R=(); for a in "${A[@]}"; do if [[ $a == "$1="* ]]; then R+=(-F "$1=$2"); else R+=(-F "$a"); fi; done; }
without() { R=(); for a in "${A[@]}"; do [[ $a == "$1="* ]] || R+=(-F "$a"); done; }
without nothing; F=("${R[@]}")
tmpempty() { [ -z "$(find "$work/$1-tmp" -mindepth 2 -print -quit)" ]; }

# --- 1. headers on every page, errors included
hdrs() { grep -qi '^content-security-policy: default-src .none.;.*frame-ancestors .none.' "$1" \
  && grep -qi '^x-content-type-options: nosniff' "$1" && grep -qi '^x-frame-options: DENY' "$1"; }
for req in "GET /" "GET /predict" "GET /api/model" "GET /health" "GET /assets/nacrad.css" "GET /assets/nacrad.js" \
           "GET /nothing" "DELETE /api/predict" "TRACE /" "POST /api/model" "GET /%zz" "GET /a/../../etc/passwd"; do
  set -- $req
  code=$(curl -s -o "$work/body" -D "$work/h" -X "$1" --path-as-is -w '%{http_code}' "$MAINURL$2")
  check headers "$req -> $code: CSP with frame-ancestors 'none', nosniff, X-Frame-Options" hdrs "$work/h"
done
code=$(curl -s -o /dev/null -D "$work/h" -w '%{http_code}' -H "X-Big: $(head -c 20000 /dev/zero | tr '\0' a)" "$MAINURL/")
check headers "GET / with a 20 kB header -> $code (Jetty's own refusal)" hdrs "$work/h"
code=$(curl -s -o /dev/null -D "$work/h" -w '%{http_code}' -H 'Content-Type: application/json' -d '{}' "$MAINURL/api/predict")
check headers "POST /api/predict as JSON -> $code" hdrs "$work/h"
printf 'GARBAGE / HTTP/1.1\r\nHost: x\r\n\r\n' | timeout 5 python3 -c '
import socket,sys; u=sys.argv[1].split(":"); s=socket.create_connection((u[1].strip("/"), int(u[2].strip("/"))))
s.sendall(sys.stdin.buffer.read()); print(s.recv(65536).decode(errors="replace"))' "$MAINURL" >"$work/raw" 2>&1
tr -d '\r' <"$work/raw" >"$work/h"
check headers "a malformed request line -> $(head -1 "$work/h" | cut -c1-12) (Jetty's own refusal)" hdrs "$work/h"

# --- 2. CSRF on the form
curl -s -c "$work/jar" -o "$work/form.html" "$MAINURL/predict"
csrf=$(grep -o 'name="csrf" value="[^"]*"' "$work/form.html" | sed 's/.*value="//;s/"$//')
check csrf "the form's cookie is HttpOnly; SameSite=Strict" \
  bash -c "curl -s -D - -o /dev/null '$MAINURL/predict' | grep -i '^set-cookie: nacrad_csrf=' | grep -q 'HttpOnly; SameSite=Strict'"
code=$(curl -s -o "$work/body" -w '%{http_code}' "${F[@]}" "$MAINURL/predict")
check csrf "form posted without token or cookie -> $code" [ "$code" = 403 ]
code=$(curl -s -o "$work/body" -w '%{http_code}' -b "nacrad_csrf=forged" "${F[@]}" -F "csrf=$csrf" "$MAINURL/predict")
check csrf "form posted with the page's token and another cookie -> $code" [ "$code" = 403 ]
code=$(curl -s -o "$work/body" -w '%{http_code}' -b "$work/jar" -H 'Origin: http://evil.example' "${F[@]}" -F "csrf=$csrf" "$MAINURL/predict")
check csrf "form posted with token and cookie from Origin http://evil.example -> $code" [ "$code" = 403 ]
code=$(curl -s -o "$work/body" -w '%{http_code}' -b "$work/jar" -H 'Sec-Fetch-Site: cross-site' "${F[@]}" -F "csrf=$csrf" "$MAINURL/predict")
check csrf "form posted with token and cookie, Sec-Fetch-Site: cross-site -> $code" [ "$code" = 403 ]
code=$(curl -s -o "$work/body" -w '%{http_code}' -H 'Sec-Fetch-Site: same-site' "${F[@]}" "$MAINURL/api/predict")
check csrf "API posted by a browser from a sibling site (Sec-Fetch-Site: same-site) -> $code" [ "$code" = 403 ]
code=$(curl -s -o "$work/result.html" -w '%{http_code}' -b "$work/jar" -H "Origin: ${MAINURL%/}" "${F[@]}" -F "csrf=$csrf" "$MAINURL/predict")
check csrf "form posted as the browser does (token, cookie, own Origin) -> $code" [ "$code" = 200 ]
check tempdir "no file left after the form's prediction" tmpempty main

# --- 3. file, total and time limits; zips
python3 - "$work" <<'EOF'
import io, os, sys, zipfile
w = sys.argv[1]
def z(name, entries):
    with zipfile.ZipFile(os.path.join(w, name), "w", zipfile.ZIP_DEFLATED) as f:
        for n, data in entries:
            f.writestr(zipfile.ZipInfo(n), data, compress_type=zipfile.ZIP_DEFLATED)
z("slip.zip", [("../../evil.dcm", b"x" * 100)])
z("abs.zip", [("/etc/evil.dcm", b"x" * 100)])
z("many.zip", [("IM%05d" % i, b"x") for i in range(5001)])
z("bomb.zip", [("zeros.dcm", bytes(50 * 1024 * 1024))])
import warnings; warnings.simplefilter("ignore")
z("dup.zip", [("a.dcm", b"x"), ("a.dcm", b"y")])
open(os.path.join(w, "broken.zip"), "wb").write(b"PK\x03\x04 not a zip")
open(os.path.join(w, "big.bin"), "wb").write(os.urandom(1536 * 1024))
open(os.path.join(w, "mb.bin"), "wb").write(os.urandom(900 * 1024))
EOF
zipcase() { # zip, expected status, expected words
  with image "@$work/$1"
  code=$(curl -s -o "$work/body" -w '%{http_code}' "${R[@]}" "$MAINURL/api/predict")
  msg=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["error"])' "$work/body" 2>/dev/null)
  check zip "$1 -> $code: $msg" bash -c "[ '$code' = '$2' ] && grep -q '$3' '$work/body'"
  check tempdir "no file left after $1" tmpempty main
}
zipcase slip.zip 400 'leaves its folder'
zipcase abs.zip 400 'absolute path'
zipcase many.zip 413 'more than 5000 entries'
zipcase bomb.zip 413 'expands more than 100 times'
zipcase dup.zip 400 'same entry twice'
zipcase broken.zip 400 'not a readable zip'
[ -z "$(find / -xdev -name evil.dcm -newer "$work/slip.zip" 2>/dev/null | head -1)" ] \
  && pass zip "no evil.dcm written anywhere on the disk" || fail zip "an evil.dcm was written"

start tight --max-file-mb 1 --max-upload-mb 2 --request-timeout 5 --workers 1 --queue 0 || exit 1
TIGHT=$PID; TURL=$URL
code=$(curl -s -o "$work/body" -w '%{http_code}' -F "image=@$work/big.bin;filename=t1.nii.gz" "$TURL/api/predict")
check limits "a 1.5 MB file with --max-file-mb 1 -> $code: $(cut -c1-90 "$work/body" | tr -d '\n')" \
  bash -c "[ '$code' = 413 ] && grep -q 'image' '$work/body'"
out=$(curl -s -o "$work/body" -w '%{http_code} %{size_upload}' -F "image=@$work/mb.bin" -F "mask=@$work/mb.bin" \
  -F "dwi=@$work/mb.bin" "$TURL/api/predict")
check limits "2.6 MB in three files with --max-upload-mb 2 -> ${out% *} after ${out#* } bytes sent (Expect: 100-continue)" \
  bash -c "[ '${out% *}' = 413 ] && [ '${out#* }' -lt 100000 ]"
# a client that sends its headers and then a byte a second (curl --limit-rate cannot: it sends late, not slowly)
# holds the only place; the next request must get 503, and the slow one 408 at the time limit
python3 - "$TURL" >"$work/slow.code" <<'EOF' &
import socket, sys, time
host, port = sys.argv[1].split("//")[1].split(":")
s = socket.create_connection((host, int(port)))
s.sendall(b"POST /api/predict HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=xyz\r\n"
          b"Content-Length: 100000\r\n\r\n--xyz\r\nContent-Disposition: form-data; name=\"pr_pct\"\r\n\r\n")
t = time.time(); d = b""
while not d and time.time() - t < 30:
    try:
        s.sendall(b"1")
    except OSError:
        pass
    time.sleep(1)
    s.setblocking(False)
    try:
        d = s.recv(65536)
    except BlockingIOError:
        pass
    s.setblocking(True)
print("%s %.0f" % (d.split(b" ")[1].decode() if d else "none", time.time() - t))
EOF
slow=$!
sleep 2
code=$(curl -s -o "$work/body" -D "$work/h" -w '%{http_code}' -F 'pr_pct=1' "$TURL/api/predict")
check pool "a second request while the one place (--workers 1 --queue 0) is taken -> $code, $(grep -i '^retry-after' "$work/h" | tr -d '\r')" \
  bash -c "[ '$code' = 503 ] && grep -qi '^retry-after: [0-9]' '$work/h'"
wait $slow
read -r scode stime <"$work/slow.code"
check limits "an upload arriving at 1 byte/s with --request-timeout 5 -> $scode after ${stime} s" [ "$scode" = 408 ]
sleep 1
check tempdir "no file left after the refused and timed-out uploads" tmpempty tight
stop $TIGHT
check tempdir "the server's temporary folder removed when it stops" bash -c "[ -z \"\$(ls -A '$work/tight-tmp')\" ]"

# --- 4. a patient's data written nowhere but the request folder (strace of a form prediction)
if command -v strace >/dev/null; then
  mkdir -p "$work/traced-tmp" "$work/traced-jtmp"
  strace -f -qq -e trace=openat,creat,mkdir,rename,link,symlink -o "$work/trace" java -Xmx2g -Djava.io.tmpdir="$work/traced-jtmp" \
    -jar "$jar" serve --model "$model" --port 0 --temp-dir "$work/traced-tmp" >"$work/traced.out" 2>"$work/traced.err" &
  TR=$!; pids+=("$TR")
  for _ in $(seq 1 1200); do URL=$(grep -o 'at http://[^ ]*/' "$work/traced.out" | head -1 | cut -c4- | sed 's#/$##'); [ -n "$URL" ] && break; sleep 0.1; done
  curl -s -c "$work/jar2" -o "$work/form2.html" "$URL/predict"
  csrf2=$(grep -o 'name="csrf" value="[^"]*"' "$work/form2.html" | sed 's/.*value="//;s/"$//')
  : >"$work/trace.mark"; before=$(wc -l <"$work/trace")
  code=$(curl -s -o /dev/null -w '%{http_code}' -b "$work/jar2" "${F[@]}" -F "csrf=$csrf2" "$URL/predict")
  code2=$(curl -s -o /dev/null -w '%{http_code}' "${F[@]}" "$URL/api/predict")
  sleep 1
  tail -n +"$before" "$work/trace" | grep -E 'O_WRONLY|O_RDWR|O_CREAT|creat\(|mkdir\(|rename\(|link\(' \
    | grep -v -e "$work/traced-tmp" -e ' = -1 E' -e '/proc/' -e '/dev/' >"$work/writes"
  check tempdir "form ($code) and API ($code2) predictions open nothing for writing outside --temp-dir: $(wc -l <"$work/writes") other writes$(head -3 "$work/writes" | sed 's/^/ | /' | tr '\n' ' ')" \
    bash -c "[ ! -s '$work/writes' ]"
  kill $(pgrep -P $TR) 2>/dev/null; stop $TR
fi

# --- 5. token: non-local host, every request, constant-time comparison
code=$(NACRAD_TOKEN= timeout 60 java -jar "$jar" serve --model "$model" --host 0.0.0.0 --port 0 2>"$work/notoken.err" >/dev/null; echo $?)
check token "--host 0.0.0.0 without a token refused at start (exit $code): $(cut -c1-100 "$work/notoken.err")" \
  bash -c "[ '$code' = 1 ] && grep -q 'access token' '$work/notoken.err'"
TOKEN=$(python3 -c 'import secrets; print(secrets.token_hex(24))')
NACRAD_TOKEN=$TOKEN start token --host 0.0.0.0 || exit 1
TOK=$PID
TURL=$(sed 's#0\.0\.0\.0#127.0.0.1#' <<<"$URL")
ip=$(hostname -I 2>/dev/null | awk '{print $1}')
if [ -n "$ip" ]; then TURL2="http://$ip:${TURL##*:}"; else TURL2=$TURL; fi
ps -eo comm=,args= | awk '$1 == "java"' >"$work/ps"
if grep -qF "$TOKEN" "$work/ps"; then fail token "the token is in the process list"
else pass token "the token is not in the process list (given by NACRAD_TOKEN)"; fi
for p in / /predict /api/model /health /assets/nacrad.css /nothing; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$TURL2$p")
  check token "GET $p from $TURL2 without the token -> $code" [ "$code" = 401 ]
done
code=$(curl -s -o /dev/null -w '%{http_code}' "${F[@]}" "$TURL2/api/predict")
check token "POST /api/predict without the token -> $code" [ "$code" = 401 ]
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${TOKEN:0:47}x" "$TURL2/health")
check token "a token wrong in its last character -> $code" [ "$code" = 401 ]
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer ${TOKEN:0:24}" "$TURL2/health")
check token "the first half of the token -> $code" [ "$code" = 401 ]
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$TURL2/health")
check token "the token as a bearer -> $code" [ "$code" = 200 ]
code=$(curl -s -o /dev/null -D "$work/h" -w '%{http_code}' "$TURL2/predict?token=$TOKEN")
check token "?token= signs a browser in -> $code, $(grep -i '^set-cookie' "$work/h" | sed 's/=[^;]*;/=...;/' | tr -d '\r')" \
  bash -c "[ '$code' = 303 ] && grep -qi '^location: /predict' '$work/h' && grep -qi 'HttpOnly; SameSite=Strict' '$work/h'"
code=$(curl -s -o /dev/null -D "$work/h" -w '%{http_code}' "$TURL2/nothing?token=$TOKEN")
check token "?token= on a made-up path redirects to / only -> $code, $(grep -i '^location' "$work/h" | tr -d '\r')" \
  bash -c "tr -d '\r' <'$work/h' | grep -qix 'location: /'"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "nacrad_token=$TOKEN" "$TURL2/")
check token "the cookie -> $code" [ "$code" = 200 ]
# timing: wrong in the first vs in the last character, 300 requests each, interleaved (median response time)
python3 - "$TURL2" "$TOKEN" >"$work/timing" <<'EOF'
import http.client, statistics, sys, time, urllib.parse
u = urllib.parse.urlparse(sys.argv[1]); t = sys.argv[2]
first = ("x" if t[0] != "x" else "y") + t[1:]; last = t[:-1] + ("x" if t[-1] != "x" else "y")
c = http.client.HTTPConnection(u.hostname, u.port)
res = {"first": [], "last": []}
for i in range(600):
    k = "first" if i % 2 else "last"
    tok = first if k == "first" else last
    s = time.perf_counter(); c.request("GET", "/health", headers={"Authorization": "Bearer " + tok})
    r = c.getresponse(); r.read(); res[k].append((time.perf_counter() - s) * 1e6)
    assert r.status == 401
print("median %.0f us (wrong first character) vs %.0f us (wrong last character)" % (statistics.median(res["first"]), statistics.median(res["last"])))
EOF
pass token "constant-time: both tokens SHA-256-hashed and compared with MessageDigest.isEqual (Security.same); $(cat "$work/timing")"
stop $TOK

# --- 6. logs: request ids, routes, statuses and times only
stop $MAIN
bad=0
for f in main tight token; do
  if grep -q -e "$patient" -e '\.nii' -e '\.bval' -e 'zip' -e "$TOKEN" -e 'Exception' -e 'evil' "$work/$f.err"; then bad=1; fi
done
check logs "server logs ($(cat "$work"/main.err "$work"/tight.err "$work"/token.err | wc -l) lines) carry no patient id, file name, token or exception; e.g. $(grep -m1 'POST /predict' "$work/main.err")" [ $bad = 0 ]

# --- 7. errors: one sentence naming the field or file, never a stack trace
start errs || exit 1
ERRS=$PID
one() { # expected status, description, curl arguments...
  local want=$1 what=$2; shift 2
  code=$(curl -s -o "$work/body" -w '%{http_code}' "$@")
  msg=$(python3 -c '
import json, re, sys
b = open(sys.argv[1]).read()
try:
    e = json.loads(b); m = e["error"] + ("  [field " + e["field"] + "]" if "field" in e else "")
except ValueError:
    m = " ".join(re.findall(r"id=\"error\"[^>]*>([^<]*)<", b)) or b.strip()
print(m)' "$work/body")
  check errors "$what -> $code: $msg" bash -c "[ '$code' = '$want' ] && [ \$(wc -l <<<'${msg//\'/}') = 1 ] && ! grep -q -e 'at org\.' -e 'Exception' -e '$work' '$work/body'"
}
without mask
one 400 "API without the mask" "${R[@]}" "$URL/api/predict"
with pr_pct eighty
one 422 "API with pr_pct=eighty" "${R[@]}" "$URL/api/predict"
one 400 "API with a value the model does not use (er_pct)" "${F[@]}" -F er_pct=80 "$URL/api/predict"
with image "@$work/mb.bin;filename=t1.nii.gz"
one 422 "API with random bytes as the T1 image" "${R[@]}" "$URL/api/predict"
with mask "@$(sed -n 's/^dwi_tumour_mask=@//p' "$work/patient.args")"
one 422 "API with the DWI mask as the T1 mask" "${R[@]}" "$URL/api/predict"
one 415 "API with a JSON body" -H 'Content-Type: application/json' -d '{}' "$URL/api/predict"
one 404 "GET /etc/passwd" "$URL/etc/passwd"
one 405 "PUT /api/predict" -X PUT "$URL/api/predict"
curl -s -c "$work/jar3" -o "$work/form3.html" "$URL/predict"
csrf3=$(grep -o 'name="csrf" value="[^"]*"' "$work/form3.html" | sed 's/.*value="//;s/"$//')
with pr_pct 150
one 422 "the form with pr_pct=150 (shown beside its field)" -b "$work/jar3" "${R[@]}" -F "csrf=$csrf3" "$URL/predict"
stop $ERRS
check tempdir "no file left after the refusals" tmpempty errs

# --- 8. a model whose checksum fails is refused at start
python3 - "$model" "$work/tampered.json" <<'EOF'
import re, sys
s = open(sys.argv[1]).read()
s = re.sub(r'"threshold" : [0-9.eE-]+', '"threshold" : 0.05', s, count=1)
open(sys.argv[2], "w").write(s)
EOF
code=$(java -jar "$jar" serve --model "$work/tampered.json" --port 0 >/dev/null 2>"$work/tampered.err"; echo $?)
check checksum "a model.json whose threshold was edited refused at start (exit $code): $(cut -c1-140 "$work/tampered.err" | head -1)" \
  bash -c "[ '$code' = 1 ] && grep -q checksum '$work/tampered.err' && ! grep -q 'at org' '$work/tampered.err'"

echo "$fails failed"
exit $((fails > 0))
