//! The rules-only module's exports (the `wasm` feature): the crate's functions under their
//! JavaScript names, with TypeScript types for `csp_rules.d.ts`.

use wasm_bindgen::prelude::*;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The report (interfaces.md §2) for a scenario, an object or its JSON text, in `lang` (`"en"`,
/// the default, or `"zh-TW"`), as `csp-rules check` prints it. Throws `Error("error: …")`, the
/// CLI's line, on bad input.
#[wasm_bindgen(js_name = evaluate, unchecked_return_type = "Report")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "Scenario | string")] scenario: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Lang")] lang: JsValue,
) -> Result<JsValue, JsValue> {
    crate::evaluate(scenario, lang)
}

/// The rule catalogue in `lang`, as `csp-rules rules --json` prints it.
#[wasm_bindgen(js_name = rules, unchecked_return_type = "Rule[]")]
pub fn rules(
    #[wasm_bindgen(unchecked_param_type = "Lang")] lang: JsValue,
) -> Result<JsValue, JsValue> {
    crate::rules(lang)
}

/// The page's share-link fragment for a scenario, `#scenario=…`, as `csp-rules share` prints
/// it. Throws `Error("error: …")` on bad input.
#[wasm_bindgen(js_name = share)]
pub fn share(
    #[wasm_bindgen(unchecked_param_type = "Scenario | string")] scenario: JsValue,
) -> Result<String, JsValue> {
    crate::share(scenario)
}

/// The types of the exports' arguments and answers (docs/formats.md has every field).
#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** `"en"` (the default) or `"zh-TW"`; anything else is refused. */
export type Lang = "en" | "zh-TW";
/** A scenario file (version 1). */
export interface Scenario {
  version: 1;
  title?: string;
  as_of?: string;
  nodes?: ScenarioNode[];
  edges?: ScenarioEdge[];
}
export interface ScenarioNode {
  id: string;
  kind: "microsoft" | "indirect_provider" | "indirect_reseller" | "direct_bill_partner" | "customer";
  name?: string;
  region?: string;
  org?: string;
  tenant?: string;
  mpa_signed?: boolean;
  onboarded?: boolean;
  enrolled?: boolean;
  requirements_met?: boolean;
  x?: number;
  y?: number;
}
export interface ScenarioEdge {
  id: string;
  from: string;
  to: string;
  kind: "sells_to" | "manages";
}
/** What `evaluate` returns, as `csp-rules check` prints it. */
export interface Report {
  version: 1;
  as_of: string;
  edges: { id: string; verdict: "allowed" | "blocked"; findings: Finding[] }[];
  diagram: DiagramFinding[];
  summary: { allowed: number; blocked: number };
}
export interface Finding {
  rule: string;
  severity: "block" | "info";
  message: string;
  cite: string;
  /** The cited section of the guide on Microsoft Learn. */
  link: string;
  remedies: string[];
  fixes?: ({ action: string } & Record<string, string>)[];
  [extension: string]: unknown;
}
export interface DiagramFinding {
  rule: string;
  severity: "block" | "info";
  nodes: string[];
  edges?: string[];
  message: string;
  cite: string;
  link: string;
  [extension: string]: unknown;
}
/** One entry of the rule catalogue. */
export interface Rule {
  id: string;
  severity: "block" | "info";
  statement: string;
  cite: string;
  link: string;
  /** The pages the guide links to from that passage. */
  see_also?: { title: string; link: string }[];
  [extension: string]: unknown;
}
"#;
