import Foundation
import NewsroomImage

/// The images stage: every JPEG, PNG and WebP the plan would copy (from `static/`, bundles and
/// the theme) is re-encoded upright with no metadata, with narrower copies beside it; an image
/// that cannot be published is an error where the content refers to it.
enum ImageStage {
    /// One image to process.
    struct Job {
        var copy: CopiedFile
        var declared: ImageFormat
        /// How the author knows the file (`site/static/x.jpg`).
        var shown: String
    }

    static func process(_ plan: SitePlan, source: SiteSource, cache: ImageCache, operation: ImageOperation = ImageOperation(), log: inout DiagnosticLog) -> ImageCatalog {
        var jobs: [Job] = []
        var problems: [(output: String, shown: String, message: String)] = []
        let sitePath = source.folder.url.path + "/"
        for copy in plan.copies {
            let ext = (copy.outputPath as NSString).pathExtension.lowercased()
            let path = copy.sourceURL.path
            let shown = path.hasPrefix(sitePath) ? source.folder.display(String(path.dropFirst(sitePath.count))) : path
            if let format = ImageFormat.named(byExtension: ext) {
                jobs.append(Job(copy: copy, declared: format, shown: shown))
            } else if ImageFormat.unsupportedExtensions.contains(ext) {
                problems.append((copy.outputPath, shown, "\(ext.uppercased()) images are not published (they may carry metadata the generator cannot remove): convert it to JPEG, PNG or WebP"))
            }
        }
        let fileSystem = cache.fileSystem
        let results = ParallelMap.run(jobs.count) { index -> (key: String?, image: ProcessedImage?, encoded: Bool, problem: String?) in
            let job = jobs[index]
            guard let bytes = fileSystem.read(job.copy.sourceURL.path) else { return (nil, nil, false, "cannot read the file") }
            let key = ImageCache.key(of: bytes, operation: operation)
            if let cached = cache.read(key) { return (key, cached, false, nil) }
            do {
                let image = try operation.process(bytes, declared: job.declared)
                cache.write(image, key: key)
                return (key, image, true, nil)
            } catch {
                return (nil, nil, false, "\(error)")
            }
        }
        var catalog = ImageCatalog()
        let copied = Set(plan.copies.map(\.outputPath))
        for (job, result) in zip(jobs, results) {
            if let problem = result.problem {
                problems.append((job.copy.outputPath, job.shown, problem))
                continue
            }
            guard let key = result.key, let image = result.image else { continue }
            catalog.usedKeys.insert(key)
            if result.encoded { catalog.encodedCount += 1 }
            for rendition in image.variants where copied.contains(ImageCatalog.path(of: rendition, for: job.copy.outputPath)) {
                problems.append((job.copy.outputPath, job.shown, "its \(rendition.name) copy would be written to '\(ImageCatalog.path(of: rendition, for: job.copy.outputPath))', where another file is published"))
            }
            catalog.images[job.copy.outputPath] = image
        }
        if !problems.isEmpty { ImageReferences(plan: plan, source: source).report(problems, log: &log) }
        return catalog
    }
}
