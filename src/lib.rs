//! tellpoint: a self-hosted appliance that lets a small organisation listen to its people
//! anonymously. See DESIGN.md in the project's shared notes for the anonymity invariants.
#![forbid(unsafe_code)]

pub mod accounts;
pub mod app;
pub mod backup;
pub mod campaigns;
pub mod cli;
pub mod clock;
pub mod config;
pub mod detect;
pub mod drafts;
pub mod erasure;
pub mod figures;
pub mod i18n;
pub mod intake;
pub mod jobs;
pub mod keys;
pub mod letters;
pub mod limits;
pub mod mail;
pub mod model;
pub mod moderation;
pub mod participants;
pub mod sms;
pub mod staff;
pub mod store;
pub mod tally;
pub mod templates;
pub mod threads;
pub mod tickets;
pub mod tls;
pub mod web;
