import Mustache

/// The `icon` lambda: its section text is an icon name, its output the `<svg><use>` markup.
typealias MustacheIconLambda = MustacheLambda

extension MustacheLambda {
    init() {
        self.init { (name: String) -> Any? in
            IconSprite.use(name.trimmingSpaces)
        }
    }
}
