# Newsroom: the two commands a fresh machine needs.
#   make generate   install system libraries, build (release), build the sample site into output/
#   make test       install system libraries, run the whole test suite

APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev pkg-config
# Images are decoded, resized and encoded again by these libraries.
APT_PACKAGES += libjpeg62-turbo-dev libpng-dev libwebp-dev libexif-dev
# `generate publish` hands transfers to these, and its tests run them.
APT_PACKAGES += rsync rclone
# The search tests run the search script in Node and drive the sample site in headless Chromium.
APT_PACKAGES += nodejs chromium
# The feed validators the test suite runs (Tests/Validation/check_feeds.py).
TEST_APT_PACKAGES := python3 python3-feedparser python3-jsonschema
SWIFT ?= swift

.PHONY: generate test deps build validate bench bench-import clean axe search-bench

deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build -c release --product generate

generate: build
	.build/release/generate

test: APT_PACKAGES += $(TEST_APT_PACKAGES)
test: deps
	$(SWIFT) test

validate: generate
	Tests/Validation/validate.sh output

bench: deps
	Tests/Benchmark/run.sh $(or $(N),10000)

bench-import: deps
	Tests/Benchmark/import.sh $(or $(N),1000)

# axe-core over the built site with the search results open; axe.min.js (MPL-2.0) comes from a
# PyPI wheel that bundles it and is kept under .build/, not in the repository.
AXE_WHEEL := axe-playwright-python==0.1.8
axe: generate
	@[ -f .build/axe/axe.min.js ] || { mkdir -p .build/axe && python3 -m pip download --no-deps -q -d .build/axe $(AXE_WHEEL) && \
		python3 -c "import glob, zipfile; open('.build/axe/axe.min.js', 'wb').write(zipfile.ZipFile(glob.glob('.build/axe/*.whl')[0]).read('axe_playwright_python/axe.min.js'))"; }
	python3 Tests/Validation/search_axe.py .build/axe/axe.min.js output

# The search index's size, load time and query times in headless Chromium, at 1,000 and 10,000 items.
search-bench: build
	python3 ../shared/bench/corpus.py 1000 /tmp/corpus1k --targets ours
	python3 ../shared/bench/corpus.py 10000 /tmp/corpus10k --targets ours
	.build/release/generate --site /tmp/corpus1k/ours --themes themes --output /tmp/search-bench-1k --quiet
	.build/release/generate --site /tmp/corpus10k/ours --themes themes --output /tmp/search-bench-10k --quiet
	python3 Tests/Benchmark/search_bench.py /tmp/search-bench-1k /tmp/search-bench-10k

clean:
	rm -rf .build output/*
