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

    fn fields(t: usize) -> &'static [&'static str] {
        match t {
            0 => &["id", "scenario", "preset", "share"],
            1 => &["id", "scenario"],
            2 => &["edge", "node"],
            3 => &["id", "format"],
            4 => &["lang", "theme"],
            _ => &[],
        }
    }

    fn read<'de, A: MapAccess<'de>>(f: &mut Fields, i: usize, map: &mut A) -> Result<(), A::Error> {
        match i {
            0 => f.id = map.next_value()?,
            1 => f.scenario = Some(map.next_value::<Option<Given>>()?.is_some()),
            2 => f.preset = map.next_value()?,
            3 => f.share = map.next_value()?,
            4 => f.edge = map.next_value()?,
            5 => f.node = map.next_value()?,
            6 => f.format = Some(map.next_value()?),
            7 => f.lang = map.next_value()?,
            _ => f.theme = map.next_value()?,
        }
        Ok(())
    }

    fn build<E: Error>(f: Fields, t: usize) -> Result<Inbound, E> {
        Ok(match t {
            0 => Inbound::Load {
                id: f.id,
                scenario: f.scenario.filter(|&given| given).map(|_| Given),
                preset: f.preset,
                share: f.share,
            },
            1 => Inbound::Evaluate {
                id: f.id,
                scenario: need(f.scenario.map(|_| Given), "scenario")?,
            },
            2 => Inbound::Select {
                edge: f.edge,
                node: f.node,
            },
            3 => Inbound::Export {
                id: f.id,
                format: need(f.format, "format")?,
            },
            4 => Inbound::Set {
                lang: f.lang,
                theme: f.theme,
            },
            _ => Inbound::Fit {},
        })
    }
}

impl<'de> Deserialize<'de> for Inbound {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Inbound, D::Error> {
        tagged::deserialize(d)
    }
}
