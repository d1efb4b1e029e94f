import FuzzSupport

runLibFuzzer { data, size in fuzz(data ?? emptyInput, size) }
