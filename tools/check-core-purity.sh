#!/usr/bin/env bash
# Checks that TMNormCore stays pure: no server frameworks, no C library, no file, thread or mmap I/O, no
# clock and no process environment. Those belong to the edge: Sources/TMNormIO (files, threads, huge-page
# memory), TMNormServer and the tmnorm executable. Foundation stays allowed (Date, Data, JSON as values).
#
#   tools/check-core-purity.sh [path/to/Sources/TMNormCore]
#
# Prints every offending line as file:line: code (what is forbidden) and exits 1; exits 0 when clean.
# Comments are ignored (text after //), so a comment may name what Core must not do.
set -euo pipefail
cd "$(dirname "$0")/.."
CORE=${1:-Sources/TMNormCore}

# Each rule: a description, a tab, an extended regular expression matched against code without comments.
# W and E: not part of a longer identifier, on the left and on the right.
W='(^|[^A-Za-z0-9_])'
E='([^A-Za-z0-9_]|$)'
RULES=(
    "imports a server, database or networking framework	${W}import[[:space:]]+((class|struct|enum|protocol|func|var|let|typealias)[[:space:]]+)?(Vapor|Fluent[A-Za-z]*|NIO[A-Za-z]*|SQLKit|SQLite[A-Za-z]*|Postgres[A-Za-z]*|AsyncHTTPClient|FoundationNetworking)([.[:space:]]|$)"
    "imports the C library or Dispatch	${W}import[[:space:]]+((class|struct|enum|protocol|func|var|let|typealias)[[:space:]]+)?(Glibc|Musl|Darwin|WinSDK|Android|Bionic|Dispatch)([.[:space:]]|$)"
    "uses the file system	${W}(FileManager|FileHandle|InputStream|OutputStream|fopen|fdopen|fread|fwrite|fclose|fstat|lseek|ftruncate|fsync|unlink|opendir)${E}"
    "reads or writes a file through Foundation	(contentsOfFile|contentsOf:[[:space:]]*URL|\.write\((to|toFile):|fileURLWithPath|URL\(filePath)"
    "uses POSIX file descriptors or errno	${W}(O_RDONLY|O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|STDIN_FILENO|STDOUT_FILENO|STDERR_FILENO|errno|strerror)${E}"
    "maps memory	${W}(mmap|munmap|madvise|mprotect|MAP_ANONYMOUS|MAP_PRIVATE)${E}"
    "starts or coordinates threads	${W}(Thread|NSThread|DispatchQueue|DispatchGroup|DispatchSemaphore|DispatchSource|OperationQueue|NSCondition|pthread_[a-z_]+)${E}"
    "reads the clock	(${W}Date\([[:space:]]*\)|Date\.now|Date\.init\(\)|timeIntervalSinceNow|ContinuousClock|SuspendingClock|DispatchTime|CFAbsoluteTimeGetCurrent|clock_gettime|gettimeofday|Task\.sleep)"
    "reads the process environment	${W}(ProcessInfo|getenv|CommandLine\.arguments)${E}"
)

files=()
while IFS= read -r -d '' file; do files+=("$file"); done < <(find "$CORE" -name '*.swift' -print0 | sort -z)
if [ "${#files[@]}" -eq 0 ]; then
    echo "check-core-purity: no Swift files under $CORE" >&2
    exit 2
fi

failures=0
for rule in "${RULES[@]}"; do
    what=${rule%%$'\t'*}
    pattern=${rule#*$'\t'}
    # grep finds candidate lines fast; the comment is cut off before matching again, so only code counts.
    while IFS= read -r hit; do
        file=${hit%%:*}
        rest=${hit#*:}
        line=${rest%%:*}
        code=${rest#*:}
        code=${code%%//*}
        if printf '%s\n' "$code" | grep -Eq -- "$pattern"; then
            echo "$file:$line: $what: $(printf '%s' "$code" | sed -E 's/^[[:space:]]+//')"
            failures=$((failures + 1))
        fi
    done < <(grep -nE -- "$pattern" "${files[@]}" /dev/null || true)
done

if [ "$failures" -gt 0 ]; then
    echo "check-core-purity: $failures line(s) in $CORE do I/O or read the clock; move them to Sources/TMNormIO or the server" >&2
    exit 1
fi
echo "check-core-purity: ${#files[@]} files in $CORE, no I/O, threads, clock or server frameworks"
