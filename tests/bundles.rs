//! Which bundle serves which address (src/bundles.rs): the rule itself, and
//! that index.html, Cargo.toml and the route tables of src/ui/mod.rs agree, so
//! that no page is unreachable and no address is handed back and forth.

use plan_local_ga::bundles::{self, Section};
use plan_local_ga::domain::Step;

fn index_sections() -> Vec<Section> {
    let html = std::fs::read_to_string("index.html").expect("index.html");
    html.split("<meta name=\"section\" content=\"")
        .skip(1)
        .map(|rest| {
            let content = &rest[..rest.find('"').expect("closing quote")];
            bundles::parse(content).expect("a valid section meta")
        })
        .collect()
}

/// The route paths of one route table (`fn NAME() …` up to `</Routes>`).
fn routes_of(app: &str) -> Vec<String> {
    let src = std::fs::read_to_string("src/ui/mod.rs").expect("src/ui/mod.rs");
    let start = src
        .find(&format!("pub fn {app}()"))
        .expect("the app's function");
    let body = &src[start..start + src[start..].find("</Routes>").expect("its routes")];
    body.split("path!(\"")
        .skip(1)
        .map(|r| r[..r.find('"').expect("closing quote")].to_owned())
        .collect()
}

#[test]
fn a_prefix_serves_whole_segments() {
    let sections = vec![bundles::parse("seguimiento /plan/avances/").expect("valid")];
    assert_eq!(sections[0].prefixes, vec!["/plan/avances".to_owned()]);
    for served in [
        "/plan/avances",
        "/plan/avances/",
        "/plan/avances/3/compromisos/2",
    ] {
        assert_eq!(
            bundles::serving(served, &sections),
            Some("seguimiento"),
            "{served}"
        );
    }
    for other in ["/plan", "/plan/avancesx", "/", "/plan/compromisos/avances"] {
        assert_eq!(bundles::serving(other, &sections), None, "{other}");
    }
}

#[test]
fn a_meta_without_a_valid_prefix_is_refused() {
    assert_eq!(bundles::parse(""), None);
    assert_eq!(bundles::parse("seguimiento"), None);
    assert_eq!(bundles::parse("seguimiento plan/avances"), None);
    assert_eq!(bundles::parse("seguimiento /"), None);
}

#[test]
fn index_html_names_each_section_with_its_binary() {
    let sections = index_sections();
    let names: Vec<&str> = sections.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        vec![
            bundles::IMPLEMENTATION,
            bundles::READINESS,
            bundles::PRINT,
            bundles::ARTICULATION,
            bundles::COCREATION
        ]
    );
    let cargo = std::fs::read_to_string("Cargo.toml").expect("Cargo.toml");
    let html = std::fs::read_to_string("index.html").expect("index.html");
    for name in names {
        assert!(
            cargo.contains(&format!("name = \"{name}\"\npath = \"src/bin/{name}.rs\"")),
            "{name} in Cargo.toml"
        );
        assert!(
            html.contains(&format!(
                "data-bin=\"{name}\" data-type=\"worker\" data-bindgen-target=\"web\""
            )),
            "{name} built by trunk"
        );
    }
    assert_eq!(
        bundles::serving(Step::Progress.path(), &sections),
        Some(bundles::IMPLEMENTATION)
    );
}

#[test]
fn every_route_is_in_the_bundle_that_serves_its_address() {
    let sections = index_sections();
    let tables = [
        ("App", None),
        ("ImplementationApp", Some(bundles::IMPLEMENTATION)),
        ("PrintApp", Some(bundles::PRINT)),
        ("ArticulationApp", Some(bundles::ARTICULATION)),
        ("CoCreationApp", Some(bundles::COCREATION)),
    ];
    for (app, section) in tables {
        let routes = routes_of(app);
        assert!(!routes.is_empty(), "{app} has routes");
        for route in routes {
            assert_eq!(
                bundles::serving(&route, &sections),
                section,
                "{route} of {app}"
            );
        }
    }
    // The drafting app's table is the long one: the sections hold few pages.
    assert!(routes_of("App").len() > 40);
}

/// The start page's static copy in index.html (painted before the app
/// arrives) says what the app's start page says.
#[test]
fn the_static_start_page_has_the_apps_words() {
    let html = std::fs::read_to_string("index.html").expect("index.html");
    let start = std::fs::read_to_string("src/ui/pages/start.rs").expect("start.rs");
    let between = |text: &str, open: &str, close: &str| -> String {
        let from = text.find(open).unwrap_or_else(|| panic!("{open}")) + open.len();
        text[from..from + text[from..].find(close).expect("close")].to_owned()
    };
    let heading = between(&html, "<h1 class=\"heading-xl\">", "</h1>");
    let lead = between(&html, "<p class=\"lead\">", "</p>");
    assert!(
        start.contains(&format!("<PageHeading text=\"{heading}\" />")),
        "{heading}"
    );
    assert!(start.contains(&format!("\"{lead}\"")), "{lead}");
    assert!(html.contains("<div id=\"portada\">"));
}
