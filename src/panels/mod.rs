//! The side panels: what is selected (the inspector of a node, the findings and fixes of a
//! relationship), every finding of the diagram, the scenario as a whole, the notices, the
//! table view, and the widgets they share with the training views.

pub mod edge_panel;
pub mod findings;
pub mod inspector;
pub mod notice;
pub mod scenario;
pub mod selection;
pub mod table;
pub mod target;
pub mod widgets;
