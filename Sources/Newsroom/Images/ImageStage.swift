import Foundation
import NewsroomImage
import NewsroomXML

/// The images stage: every JPEG, PNG and WebP the plan would copy (from `static/`, bundles and
/// the theme) is re-encoded upright with no metadata, with narrower copies beside it; an image
/// that cannot be published is an error where the content refers to it. The site's SVG files
/// are published as they are once checked for anything active or outside.
enum ImageStage {
    /// One image to process.
    struct Job {
        var copy: CopiedFile
        var declared: ImageFormat
        /// How the author knows the file (`site/static/x.jpg`).
        var shown: String
        /// For a hero image: the point its social crop keeps in view.
        var social: ImageFocus?
        /// Its item asks for its images as they are (`original_images`).
        var keepsOriginal = false
    }

    /// What became of one job.
    struct Outcome {
        var key: String?
        var image: ProcessedImage?
        var encoded = false
        var problem: String?
        /// An original the site asked to keep carries GPS coordinates (so it was re-encoded).
        var refusedOriginal = false
        /// What the source file was found to be, for the next build's index.
        var source: ImageCacheIndex.Source?
    }

    static func process(_ plan: SitePlan, source: SiteSource, cache: ImageCache, log: inout DiagnosticLog) -> ImageCatalog {
        let operation = ImageOperation(settings: source.config.images)
        var jobs: [Job] = []
        var svgs: [(copy: CopiedFile, shown: String)] = []
        var problems: [(output: String, shown: String, message: String)] = []
        let sitePath = source.folder.url.path + "/"
        let heroes = heroFocus(plan, source: source)
        // The output folders of the bundles whose items ask for their images as they are.
        let originalFolders = plan.items.indices.compactMap { position -> String? in
            plan.items[position].keepsOriginalImages && plan.items[position].bundlePath != nil ? plan.items[position].outputFolder : nil
        }
        for copy in plan.copies {
            let ext = (copy.outputPath as NSString).pathExtension.lowercased()
            let path = copy.sourceURL.path
            let shown = path.hasPrefix(sitePath) ? source.folder.display(String(path.dropFirst(sitePath.count))) : path
            if ext == "svg", path.hasPrefix(sitePath) {
                svgs.append((copy, shown))
            } else if let format = ImageFormat.named(byExtension: ext) {
                let keepsOriginal = originalFolders.contains { copy.outputPath.hasPrefix($0) }
                jobs.append(Job(copy: copy, declared: format, shown: shown, social: heroes[copy.outputPath], keepsOriginal: keepsOriginal))
            } else if ImageFormat.unsupportedExtensions.contains(ext) {
                problems.append((copy.outputPath, shown, "\(ext.uppercased()) images are not published (they may carry metadata the generator cannot remove): convert it to JPEG, PNG or WebP"))
            }
        }
        let known = jobs.isEmpty ? ImageCacheIndex() : cache.readIndex()
        let outcomes = ParallelMap.run(jobs.count) { index in
            run(jobs[index], operation: operation, cache: cache, known: known)
        }
        let svgProblems = ParallelMap.run(svgs.count) { index -> String? in
            guard let data = cache.fileSystem.read(svgs[index].copy.sourceURL.path) else { return "cannot read the file" }
            guard let problem = SVGContentImage.problem(in: String(decoding: data, as: UTF8.self)) else { return nil }
            return "line \(problem.line): \(problem.message)"
        }
        for (svg, problem) in zip(svgs, svgProblems) {
            if let problem { problems.append((svg.copy.outputPath, svg.shown, problem)) }
        }
        var catalog = ImageCatalog()
        catalog.cache = cache
        catalog.operation = operation
        let copied = Set(plan.copies.map(\.outputPath))
        for (job, outcome) in zip(jobs, outcomes) {
            if let problem = outcome.problem {
                problems.append((job.copy.outputPath, job.shown, problem))
                continue
            }
            guard let key = outcome.key, let image = outcome.image else { continue }
            catalog.usedKeys.insert(key)
            if outcome.encoded { catalog.encodedCount += 1 }
            if outcome.refusedOriginal {
                log.warning("image '\(job.shown)' carries GPS coordinates: it is published re-encoded without them, not as the original (\(job.keepsOriginal ? "original_images" : "images.originals"))", at: SourceLocation(path: job.shown))
            }
            for rendition in image.variants where copied.contains(ImageCatalog.path(of: rendition, for: job.copy.outputPath)) {
                problems.append((job.copy.outputPath, job.shown, "its \(rendition.name) copy would be written to '\(ImageCatalog.path(of: rendition, for: job.copy.outputPath))', where another file is published"))
            }
            catalog.images[job.copy.outputPath] = image
            catalog.keys[job.copy.outputPath] = key
            catalog.sources[job.copy.outputPath] = (job.copy.sourceURL, job.declared, job.social, job.keepsOriginal)
        }
        if !problems.isEmpty { ImageReferences(plan: plan, source: source).report(problems, log: &log) }
        let index = nextIndex(jobs: jobs, outcomes: outcomes)
        if index != known { cache.write(index) }
        return catalog
    }

    /// The output path of every published item's hero image with its focus (the centre when
    /// none is given); where two items show one image, the first one's focus counts.
    private static func heroFocus(_ plan: SitePlan, source: SiteSource) -> [String: ImageFocus] {
        var heroes: [String: ImageFocus] = [:]
        for (position, target) in plan.itemImages.enumerated() {
            guard case .file(let file, "")? = target, heroes[file] == nil else { continue }
            heroes[file] = plan.items[position].image?.focus ?? .centre
        }
        return heroes
    }

    /// Takes one image's sizes from the index when neither its file nor its entry changed;
    /// otherwise reads it and takes its files from the cache, or makes (and stores) them.
    private static func run(_ job: Job, operation: ImageOperation, cache: ImageCache, known: ImageCacheIndex) -> Outcome {
        let path = job.copy.sourceURL.path
        let fingerprint = ItemCache.Fingerprint.of(cache.fileSystem.status(path, following: true))
        let keepsOriginal = operation.keepsOriginals || job.keepsOriginal
        if let fingerprint, let source = known.sources[path], source.fingerprint == fingerprint {
            let key = ImageCache.key(contentHash: source.contentHash, byteCount: source.byteCount, operation: operation, social: job.social, keepsOriginal: job.keepsOriginal)
            if let image = known.entries[key], cache.has(key) {
                return Outcome(key: key, image: image, refusedOriginal: keepsOriginal && source.hasGPS, source: source)
            }
        }
        guard let bytes = cache.fileSystem.read(path) else { return Outcome(problem: "cannot read the file") }
        let contentHash = ContentHash.of(bytes)
        let key = ImageCache.key(contentHash: contentHash, byteCount: bytes.count, operation: operation, social: job.social, keepsOriginal: job.keepsOriginal)
        let hasGPS = ImageMetadata.scan(bytes).hasGPS
        let source = fingerprint.map { ImageCacheIndex.Source(fingerprint: $0, contentHash: contentHash, byteCount: bytes.count, hasGPS: hasGPS) }
        if let cached = cache.read(key) { return Outcome(key: key, image: cached.withoutData, refusedOriginal: keepsOriginal && hasGPS, source: source) }
        do {
            let image = try operation.process(bytes, declared: job.declared, social: job.social, keepsOriginal: job.keepsOriginal)
            let stored = cache.write(image, key: key)
            return Outcome(key: key, image: stored ? image.withoutData : image, encoded: true, refusedOriginal: keepsOriginal && hasGPS, source: stored ? source : nil)
        } catch {
            return Outcome(problem: "\(error)")
        }
    }

    /// The index the next build starts from: the sources and entries this build used.
    private static func nextIndex(jobs: [Job], outcomes: [Outcome]) -> ImageCacheIndex {
        var index = ImageCacheIndex()
        for (job, outcome) in zip(jobs, outcomes) {
            guard let source = outcome.source, let key = outcome.key, let image = outcome.image else { continue }
            index.sources[job.copy.sourceURL.path] = source
            index.entries[key] = image.withoutData
        }
        return index
    }
}
