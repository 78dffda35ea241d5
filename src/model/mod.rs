//! Plain values and their rules, with no I/O: what a campaign, a questionnaire, a response,
//! a reminder schedule, a receipt, a phone number and the figures shown of responses are.
//! Everything above (store, services, jobs, web) speaks in these types; this folder imports
//! nothing of tellpoint outside itself.

pub mod address;
pub mod campaign;
pub mod figures;
pub mod lang;
pub mod phone;
pub mod questionnaire;
pub mod receipt;
pub mod response;
pub mod schedule;

pub use lang::Lang;
