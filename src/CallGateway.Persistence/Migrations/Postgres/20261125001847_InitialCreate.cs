using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CallGateway.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "call_permissions",
                columns: table => new
                {
                    WaId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ExpiresAt = table.Column<long>(type: "bigint", nullable: true),
                    Origin = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Response = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ResponseSource = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ReplyMessageId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ContextId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RepliedAt = table.Column<long>(type: "bigint", nullable: true),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_call_permissions", x => x.WaId);
                });

            migrationBuilder.CreateTable(
                name: "call_signal_attempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CallId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Operation = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Attempt = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    DurationMs = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: true),
                    Error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_call_signal_attempts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "call_transitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CallId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    From = table.Column<string>(type: "text", nullable: false),
                    To = table.Column<string>(type: "text", nullable: false),
                    Trigger = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Detail = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_call_transitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "calls",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    MetaCallId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Direction = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Peer = table.Column<string>(type: "text", nullable: true),
                    BusinessNumber = table.Column<string>(type: "text", nullable: true),
                    BizOpaqueCallbackData = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    RingingAt = table.Column<long>(type: "bigint", nullable: true),
                    AcceptedAt = table.Column<long>(type: "bigint", nullable: true),
                    ConnectedAt = table.Column<long>(type: "bigint", nullable: true),
                    EndedAt = table.Column<long>(type: "bigint", nullable: true),
                    DurationSeconds = table.Column<long>(type: "bigint", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    MetaTerminateStatus = table.Column<string>(type: "text", nullable: true),
                    LastError = table.Column<string>(type: "text", nullable: true),
                    LastErrorCode = table.Column<int>(type: "integer", nullable: true),
                    LocalSdp = table.Column<string>(type: "text", nullable: true),
                    RemoteSdp = table.Column<string>(type: "text", nullable: true),
                    MediaConnected = table.Column<bool>(type: "boolean", nullable: false),
                    RemoteAnswerApplied = table.Column<bool>(type: "boolean", nullable: false),
                    TransitionCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_calls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "signal_outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CallId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "bigint", nullable: false),
                    Deadline = table.Column<long>(type: "bigint", nullable: false),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signal_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_inbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DedupeKey = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    MetaCallId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    ReceivedAt = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "bigint", nullable: true),
                    ProcessedAt = table.Column<long>(type: "bigint", nullable: true),
                    Outcome = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_inbox", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_call_signal_attempts_CallId_Id",
                table: "call_signal_attempts",
                columns: new[] { "CallId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_call_transitions_CallId_Sequence",
                table: "call_transitions",
                columns: new[] { "CallId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_calls_CreatedAt",
                table: "calls",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_calls_MetaCallId",
                table: "calls",
                column: "MetaCallId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_calls_Status_CreatedAt",
                table: "calls",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_signal_outbox_CallId",
                table: "signal_outbox",
                column: "CallId");

            migrationBuilder.CreateIndex(
                name: "IX_signal_outbox_Status_NextAttemptAt",
                table: "signal_outbox",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_webhook_inbox_DedupeKey",
                table: "webhook_inbox",
                column: "DedupeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_webhook_inbox_Status_Id",
                table: "webhook_inbox",
                columns: new[] { "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "call_permissions");

            migrationBuilder.DropTable(
                name: "call_signal_attempts");

            migrationBuilder.DropTable(
                name: "call_transitions");

            migrationBuilder.DropTable(
                name: "calls");

            migrationBuilder.DropTable(
                name: "signal_outbox");

            migrationBuilder.DropTable(
                name: "webhook_inbox");
        }
    }
}
