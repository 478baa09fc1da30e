/// The one alt-text rule, for the build and for `check` alike. An image needs an `alt`
/// attribute; an empty one is how HTML marks a decorative image (and what Markdown's `![](x)`
/// writes), so it is allowed everywhere.
public enum AltText {
    /// Why an image with this `alt` attribute (nil: none) fails the rule, or nil when it passes.
    public static func problem(alt: String?) -> String? {
        alt == nil ? "image without alt text" : nil
    }
}
