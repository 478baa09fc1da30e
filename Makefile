# Newsroom: the two commands a fresh machine needs.
#   make generate   install system libraries, build (release), build the sample site into output/
#   make test       install system libraries, run the whole test suite

APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev pkg-config
# `generate publish` hands transfers to these, and its tests run them.
APT_PACKAGES += rsync rclone
SWIFT ?= swift

.PHONY: generate test deps build validate bench bench-import clean

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

test: deps
	$(SWIFT) test

validate: generate
	Tests/Validation/validate.sh output

bench: deps
	Tests/Benchmark/run.sh $(or $(N),10000)

bench-import: deps
	Tests/Benchmark/import.sh $(or $(N),1000)

clean:
	rm -rf .build output/*
