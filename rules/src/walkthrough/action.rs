//! How an [`Action`] is read from a walkthrough file: by [`crate::tagged`], one pass instead of
//! the derive's two (the page's wasm held 16 kB of the derive's reader).

use super::Action;
use crate::fix::FlagName;
use crate::model::EdgeKind;
use crate::tagged::{self, need, Tagged};
use serde::de::{Error, MapAccess};
use serde::{Deserialize, Deserializer};

/// What an action's object held, as read.
#[derive(Debug, Default)]
pub struct Fields {
    node: Option<String>,
    flag: Option<FlagName>,
    value: Option<bool>,
    region: Option<String>,
    tenant: Option<String>,
    not: Option<String>,
    from: Option<String>,
    to: Option<String>,
    kind: Option<EdgeKind>,
    edge: Option<String>,
}

impl Tagged for Action {
    type Fields = Fields;
    const TYPES: &'static [&'static str] = &[
        "set_flag",
        "set_region",
        "set_tenant",
        "connect",
        "disconnect",
        "remove_edge",
    ];
    const NAMES: &'static [&'static str] = &[
        "node", "flag", "value", "region", "tenant", "not", "from", "to", "kind", "edge",
    ];
    const EXPECTING: &'static str = "Action";

    fn fields(t: &str) -> &'static [&'static str] {
        match t {
            "set_flag" => &["node", "flag", "value"],
            "set_region" => &["node", "region"],
            "set_tenant" => &["node", "tenant", "not"],
            "connect" | "disconnect" => &["from", "to", "kind"],
            "remove_edge" => &["edge"],
            _ => &[],
        }
    }

    fn read<'de, A: MapAccess<'de>>(
        f: &mut Fields,
        name: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match name {
            "node" => f.node = Some(map.next_value()?),
            "flag" => f.flag = Some(map.next_value()?),
            "value" => f.value = Some(map.next_value()?),
            "region" => f.region = Some(map.next_value()?),
            "tenant" => f.tenant = map.next_value()?,
            "not" => f.not = map.next_value()?,
            "from" => f.from = Some(map.next_value()?),
            "to" => f.to = Some(map.next_value()?),
            "kind" => f.kind = Some(map.next_value()?),
            "edge" => f.edge = Some(map.next_value()?),
            other => return Err(A::Error::unknown_field(other, Self::NAMES)),
        }
        Ok(())
    }

    fn build<E: Error>(f: Fields, t: &str) -> Result<Action, E> {
        Ok(match t {
            "set_flag" => Action::SetFlag {
                node: need(f.node, "node")?,
                flag: need(f.flag, "flag")?,
                value: need(f.value, "value")?,
            },
            "set_region" => Action::SetRegion {
                node: need(f.node, "node")?,
                region: need(f.region, "region")?,
            },
            "set_tenant" => Action::SetTenant {
                node: need(f.node, "node")?,
                tenant: f.tenant,
                not: f.not,
            },
            "connect" | "disconnect" => {
                let from = need(f.from, "from")?;
                let to = need(f.to, "to")?;
                let kind = need(f.kind, "kind")?;
                if t == "connect" {
                    Action::Connect { from, to, kind }
                } else {
                    Action::Disconnect { from, to, kind }
                }
            }
            "remove_edge" => Action::RemoveEdge {
                edge: need(f.edge, "edge")?,
            },
            other => return Err(E::unknown_variant(other, Self::TYPES)),
        })
    }
}

impl<'de> Deserialize<'de> for Action {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Action, D::Error> {
        tagged::deserialize(d)
    }
}

#[cfg(test)]
mod tests {
    use super::Action;
    use crate::fix::FlagName;
    use crate::model::EdgeKind;

    fn read(json: &str) -> Result<Action, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn the_tables_agree() {
        assert_eq!(crate::tagged::mismatch::<Action>(), None);
    }

    #[test]
    fn every_type_reads_its_fields_in_any_order() {
        let cases = [
            (
                r#"{"type": "set_flag", "node": "r", "flag": "mpa_signed", "value": true}"#,
                Action::SetFlag {
                    node: "r".into(),
                    flag: FlagName::MpaSigned,
                    value: true,
                },
            ),
            (
                r#"{"region": "EU", "node": "c", "type": "set_region"}"#,
                Action::SetRegion {
                    node: "c".into(),
                    region: "EU".into(),
                },
            ),
            (
                r#"{"type": "set_tenant", "node": "c", "not": null}"#,
                Action::SetTenant {
                    node: "c".into(),
                    tenant: None,
                    not: None,
                },
            ),
            (
                r#"{"type": "connect", "from": "a", "to": "b", "kind": "sells_to"}"#,
                Action::Connect {
                    from: "a".into(),
                    to: "b".into(),
                    kind: EdgeKind::SellsTo,
                },
            ),
            (
                r#"{"kind": "manages", "to": "b", "from": "a", "type": "disconnect"}"#,
                Action::Disconnect {
                    from: "a".into(),
                    to: "b".into(),
                    kind: EdgeKind::Manages,
                },
            ),
            (
                r#"{"type": "remove_edge", "edge": "e1"}"#,
                Action::RemoveEdge { edge: "e1".into() },
            ),
        ];
        for (json, want) in cases {
            assert_eq!(read(json), Ok(want), "{json}");
        }
    }

    /// `action` in a walkthrough file: the path and message of its error.
    fn refused(action: &str) -> (String, String) {
        const STEP: &str =
            r#"{"title": {"en": "a", "zh-TW": "甲"}, "text": {"en": "a", "zh-TW": "甲"}"#;
        let text = format!(r#"{{"preset": 1, "steps": [{STEP}, "action": {action}}}]}}"#);
        match crate::walkthrough::read(1, &text) {
            Err(crate::walkthrough::WalkthroughError::Invalid { path, message, .. }) => {
                (path, message)
            }
            other => (String::new(), format!("{other:?}")),
        }
    }

    /// The derive's path and message for each, as it gave them.
    #[test]
    fn the_errors_are_the_derives() {
        for (action, path, message) in DERIVES {
            assert_eq!(
                refused(action),
                (path.to_string(), message.to_string()),
                "{action}"
            );
        }
    }

    /// A value of the wrong kind is placed at itself (the derive placed it at the step).
    #[test]
    fn a_value_of_the_wrong_kind_is_placed_at_itself() {
        let (path, message) =
            refused(r#"{"type": "set_flag", "node": "r", "value": 1, "flag": "enrolled"}"#);
        assert_eq!(path, "steps[0].action.value");
        assert!(
            message.starts_with("invalid type: integer `1`, expected a boolean"),
            "{message}"
        );
        let (path, _) =
            refused(r#"{"type": "set_flag", "node": "r", "value": true, "flag": "nope"}"#);
        assert_eq!(path, "steps[0].action.flag");
    }

    const DERIVES: [(&str, &str, &str); 11] = [
        (r#"{"type": "fly"}"#, "steps[0].action.type", "unknown variant `fly`, expected one of `set_flag`, `set_region`, `set_tenant`, `connect`, `disconnect`, `remove_edge` at line 1 column 124"),
        (r#"{"node": "x"}"#, "steps[0].action", "missing field `type` at line 1 column 123"),
        (r#"{"type": "set_region", "node": "x"}"#, "steps[0]", "missing field `region` at line 1 column 146"),
        (r#"{"type": "remove_edge", "edge": "e", "node": 5}"#, "steps[0]", "unknown field `node`, expected `edge` at line 1 column 158"),
        (r#"{"colour": 1, "type": "connect"}"#, "steps[0]", "unknown field `colour`, expected one of `from`, `to`, `kind` at line 1 column 143"),
        (r#"{"type": "remove_edge", "edge": "e", "edge": "f"}"#, "steps[0]", "duplicate field `edge` at line 1 column 160"),
        (r#"{"type": "connect", "type": "connect"}"#, "steps[0].action.type", "duplicate field `type` at line 1 column 136"),
        (r#"{"type": 9}"#, "steps[0].action.type", "invalid type: integer `9`, expected variant identifier at line 1 column 120"),
        (r#""connect""#, "steps[0].action", "invalid type: string \"connect\", expected internally tagged enum Action at line 1 column 119"),
        (r#"{"type": null}"#, "steps[0].action.type", "invalid type: null, expected variant identifier at line 1 column 123"),
        (r#"{"type": "set_tenant", "node": "c"}"#, "steps[0].action", "set_tenant needs `tenant` or `not`"),
    ];
}
