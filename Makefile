# Newsroom: the two commands a fresh machine needs.
#   make generate   install system libraries, build (release), build the sample site into output/
#   make test       install system libraries, run the whole test suite

APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev pkg-config
# The feed validators the test suite runs (Tests/Validation/check_feeds.py).
TEST_APT_PACKAGES := python3 python3-feedparser python3-jsonschema
SWIFT ?= swift

.PHONY: generate test deps build validate bench clean

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

clean:
	rm -rf .build output/*
