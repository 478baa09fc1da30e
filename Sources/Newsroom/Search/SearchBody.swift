/// A document's body for the index: its text to tokenise, or the terms found in it while its
/// page rendered, by their numbers in a `SearchBodyTerms`.
enum SearchBody {
    case text(String)
    case terms([Int32], SearchBodyTerms)
}
