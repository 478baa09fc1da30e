/// Small inline sites shared by the tests.
enum Sites {
    static let config = """
    -- site/site.yml --
    title: Test News
    description: A test site.
    base_url: https://example.org/newsroom/
    timezone: Europe/Bucharest
    theme: minimal
    per_page: 2
    menu:
      - label: News
        url: /news/
      - label: About
        url: /about/
    """

    /// A valid site: two items (one a bundle), a page, a static file.
    static let valid = config + """

    -- site/content/news/2023-03-21-first.md --
    ---
    id: tag:example.org,2023-03-21:first
    title: First item
    date: 2023-03-21
    tags: [policy, Romania]
    location: Bucharest, Romania
    ---
    The first paragraph. See [the second](2023-04-02-second/index.md) and [about](/about/).

    ## Details

    Some detail.

    ###
    -- site/content/news/2023-04-02-second/index.md --
    ---
    id: tag:example.org,2023-04-02:second
    title: Second item
    date: 2023-04-02T09:30:00+03:00
    tags: [policy]
    image:
      src: photo.svg
      alt: A drawing
    ---
    ![A drawing](photo.svg) and [back](../2023-03-21-first.md#details).
    -- site/content/news/2023-04-02-second/photo.svg --
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>
    -- site/content/pages/about.md --
    ---
    title: About us
    menu: 1
    ---
    We are a test. Logo: ![logo](/images/logo.svg)
    -- site/static/images/logo.svg --
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>
    """
}
