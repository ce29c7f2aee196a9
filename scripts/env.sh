# Sourced by the scripts: puts the installed tools on PATH.
export PATH="$HOME/.cargo/bin:$PWD/.tools/node_modules/.bin:$PATH"
