#[allow(dead_code)]
mod common;
use plan_local_ga::export::content::quality::review_view;
use time::macros::date;

fn show(name: &str, plan: &plan_local_ga::domain::Plan) {
    let v = review_view(plan, date!(2026 - 12 - 06));
    println!("==== {name}: {}", v.summary);
    for f in &v.plan { println!("  [{:?}] {} ({})", f.severity, f.text, f.key); }
    for c in &v.commitments {
        println!(" -- {} promising={} \n    V: {}\n    R: {}\n    P: {}", c.heading, c.promising, c.verifiable_text, c.relevant_text, c.potential_text);
        for f in &c.findings { println!("    [{:?}] {} ({})", f.severity, f.text, f.key); }
    }
}

#[test]
fn probe() {
    show("c13", &common::c13::plan());
    for p in common::real_plans::all() { show(p.id, &p.plan); }
}
