//! How an [`Inbound`] message is read: by `csp_rules::tagged`, one pass instead of the derive's
//! two (the page's wasm held 16 kB of the derive's reader).

use super::{Format, Given, Id, Inbound};
use csp_rules::tagged::{self, need, Tagged};
use serde::de::{Error, MapAccess};
use serde::{Deserialize, Deserializer};

/// What a message held, as read.
#[derive(Debug, Default)]
pub struct Fields {
    id: Option<Id>,
    /// A `scenario` there, and whether it is not `null`: a load's `null` names nothing, an
    /// evaluate's is handed on as given.
    scenario: Option<bool>,
    preset: Option<u32>,
    share: Option<String>,
    edge: Option<String>,
    node: Option<String>,
    format: Option<Format>,
    lang: Option<String>,
    theme: Option<String>,
}

impl Tagged for Inbound {
    type Fields = Fields;
    const TYPES: &'static [&'static str] = &["load", "evaluate", "select", "export", "set", "fit"];
    const NAMES: &'static [&'static str] = &[
        "id", "scenario", "preset", "share", "edge", "node", "format", "lang", "theme",
    ];
    const EXPECTING: &'static str = "Inbound";

    fn fields(t: &str) -> &'static [&'static str] {
        match t {
            "load" => &["id", "scenario", "preset", "share"],
            "evaluate" => &["id", "scenario"],
            "select" => &["edge", "node"],
            "export" => &["id", "format"],
            "set" => &["lang", "theme"],
            _ => &[],
        }
    }

    fn read<'de, A: MapAccess<'de>>(
        f: &mut Fields,
        name: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match name {
            "id" => f.id = map.next_value()?,
            "scenario" => f.scenario = Some(map.next_value::<Option<Given>>()?.is_some()),
            "preset" => f.preset = map.next_value()?,
            "share" => f.share = map.next_value()?,
            "edge" => f.edge = map.next_value()?,
            "node" => f.node = map.next_value()?,
            "format" => f.format = Some(map.next_value()?),
            "lang" => f.lang = map.next_value()?,
            "theme" => f.theme = map.next_value()?,
            other => return Err(A::Error::unknown_field(other, Self::NAMES)),
        }
        Ok(())
    }

    fn build<E: Error>(f: Fields, t: &str) -> Result<Inbound, E> {
        Ok(match t {
            "load" => Inbound::Load {
                id: f.id,
                scenario: f.scenario.filter(|&given| given).map(|_| Given),
                preset: f.preset,
                share: f.share,
            },
            "evaluate" => Inbound::Evaluate {
                id: f.id,
                scenario: need(f.scenario.map(|_| Given), "scenario")?,
            },
            "select" => Inbound::Select {
                edge: f.edge,
                node: f.node,
            },
            "export" => Inbound::Export {
                id: f.id,
                format: need(f.format, "format")?,
            },
            "set" => Inbound::Set {
                lang: f.lang,
                theme: f.theme,
            },
            "fit" => Inbound::Fit {},
            other => return Err(E::unknown_variant(other, Self::TYPES)),
        })
    }
}

impl<'de> Deserialize<'de> for Inbound {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Inbound, D::Error> {
        tagged::deserialize(d)
    }
}
