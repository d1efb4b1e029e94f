/// Every background job, recurring or queued by a feature, in one list: what runs, and how often.
enum JobList {
    static let all: [JobDefinition] = [
        ConfirmationJobs.expiry,
        AuthorizationReminderJob.definition,
        ComplaintJobs.deadlines,
        ComplaintJobs.erasure,
        SessionModel.pruneJob,
        BlockRequestModel.pruneJob,
        JobModel.pruneJob,
        EvidenceLog.job,
        EvaluationRollup.job,
        EventInvitations.reminderJob,
        Meetings.reminderJob,
    ]
}
